package dev.messer.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A hint keeps its command lines typed; anything that renders it decides how they read. */
class HintTest {

    @Test
    void withoutAUser_aRunShowsWhereTheProviderWordGoes() {
        Hint hint = Hint.of("create it with {}", Hint.command("data bag create", "web"));
        assertThat(hint).hasToString("create it with 'messer data bag create <provider> web'");
        assertThat(Hint.of("run {}", Hint.aws("setup", "--fix"))).hasToString("run 'messer setup aws --fix'");
        assertThat(Hint.of("run {}", Hint.local("configure"))).hasToString("run 'messer configure local'");
    }

    @Test
    void render_givesEachRunToTheRenderer_andQuotesIt() {
        Hint hint = Hint.of("check ({}) and delete it with {}", Hint.command("doctor"),
                Hint.command("encryption delete", "app", "3"));
        assertThat(hint.runs()).extracting(Hint.Run::words).containsExactly("doctor", "encryption delete");
        assertThat(hint.render(run -> run.words().toUpperCase())).isEqualTo("check ('DOCTOR') and delete it with "
                + "'ENCRYPTION DELETE'");
    }

    @Test
    void valuesAreTakenAsTheyAre_evenWithBraces() {
        Hint hint = Hint.of("remove it with 'rm {}' and run {}", "/tmp/a {} b", Hint.local("configure"));
        assertThat(hint).hasToString("remove it with 'rm /tmp/a {} b' and run 'messer configure local'");
    }

    @Test
    void placeholdersAndValuesMustMatch() {
        assertThatThrownBy(() -> Hint.of("{} and {}", Hint.aws("setup"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hint.of("run it", Hint.aws("setup"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExceptionsMessage_isItsProblemThenItsHint() {
        NotFoundException e = new NotFoundException("data bag web does not exist",
                Hint.of("create it with {}", Hint.command("data bag create", "web")));
        assertThat(e.problem()).isEqualTo("data bag web does not exist");
        assertThat(e).hasMessage("data bag web does not exist; create it with 'messer data bag create <provider> web'");
        assertThat(new NotFoundException("gone")).hasMessage("gone").extracting(MesserException::hint)
                .isEqualTo(Hint.NONE);
        assertThat(Hint.text("")).matches(Hint::isEmpty);
    }

    @Test
    void aRewordedFailure_keepsItsHint() {
        NotFoundException e = new NotFoundException("key app does not exist",
                Hint.of("create it with {}", Hint.command("encryption create", "app")));
        MesserException reworded = Reworded.as(e, "upload stopped at item db: " + e.problem());
        assertThat(reworded).isInstanceOf(NotFoundException.class).hasCause(e);
        assertThat(reworded.hint()).isSameAs(e.hint());
        assertThat(reworded).hasMessage("upload stopped at item db: key app does not exist; create it with "
                + "'messer encryption create <provider> app'");
    }
}

package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beust.jcommander.JCommander;
import dev.messer.error.Hint;
import dev.messer.names.Names;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a command's grammar declares, and what help, usage errors and hints read from it. */
class GrammarTest {

    private static final Grammar SHOW = Grammar.of(Positional.PROVIDER, Positional.BAG.optional(),
            Positional.ITEM.optional()).options("[--decrypt]");

    @Test
    void optionalWords_nestInTheBracketsOfTheOneBefore() {
        assertThat(SHOW.usage("messer data bag show")).isEqualTo("messer data bag show aws|local [BAG [ITEM]] [--decrypt]");
        assertThat(SHOW.words()).isEqualTo("aws|local [BAG [ITEM]]");
        assertThat(Grammar.NONE.usage("messer version")).isEqualTo("messer version");
    }

    @Test
    void passedThroughWords_followTheOptions() {
        Grammar exec = Grammar.of(Positional.PROVIDER, Positional.references("BAG/ITEM...").optional())
                .options("[--pristine]").passThrough("COMMAND [ARGS...]");
        assertThat(exec.usage("messer exec")).isEqualTo("messer exec aws|local [BAG/ITEM...] [--pristine] -- COMMAND [ARGS...]");
        assertThat(exec.words()).isEqualTo("aws|local [BAG/ITEM...] -- COMMAND [ARGS...]");
        assertThat(exec.passesThrough()).isTrue();
        assertThat(SHOW.passesThrough()).isFalse();
    }

    @Test
    void onlyTheLastWordsMayBeOptional_andOnlyTheLastMayRepeat() {
        assertThatThrownBy(() -> Grammar.of(Positional.BAG.optional(), Positional.ITEM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grammar.of(Positional.word("FIELD...").repeated(), Positional.ITEM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void check_countsTheWords_andTheUsageLineFollows() {
        assertThatThrownBy(() -> SHOW.check(List.of(), "messer data bag show"))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.problem()).isEqualTo("missing arguments");
                    assertThat(e.showsUsage()).isTrue();
                });
        assertThatThrownBy(() -> SHOW.check(List.of("local", "a", "b", "c"), "messer data bag show"))
                .hasMessage("too many arguments");
        assertThatThrownBy(() -> Grammar.NONE.check(List.of("local"), "messer version"))
                .hasMessage("unexpected argument 'local'");
        Grammar repeated = Grammar.of(Positional.PROVIDER, Positional.word("FIELD [FIELD...]").repeated());
        repeated.check(List.of("local", "a", "b", "c", "d"), "messer x");
    }

    @Test
    void check_refusesAnUnknownProvider_andABadName_beforeAnythingIsRead() {
        assertThatThrownBy(() -> SHOW.check(List.of("gcp"), "messer data bag show"))
                .isInstanceOf(UsageException.class).hasMessage("'gcp' is not a provider; use aws or local");
        assertThatThrownBy(() -> SHOW.check(List.of("local", "web", "a/b"), "messer data bag show"))
                .isInstanceOf(Names.InvalidNameException.class).hasMessageContaining("item id 'a/b'");
        Grammar copy = Grammar.of(Positional.provider("SRC"), Positional.provider("DEST"));
        assertThatThrownBy(() -> copy.check(List.of("local", "gcp"), "messer bulk copy"))
                .hasMessageContaining("'gcp' is not a provider");
        SHOW.check(List.of("aws", "web", "db"), "messer data bag show");
    }

    @Test
    void awsOnlyCommands_refuseLocal_inOneWay_withTheirReason() {
        Grammar login = Grammar.awsOnly(Hint.text("local has no sessions"));
        assertThatThrownBy(() -> login.check(List.of("local"), "messer login"))
                .isInstanceOfSatisfying(UsageException.class, e -> {
                    assertThat(e.problem()).isEqualTo("'messer login' applies to aws only");
                    assertThat(e.hint()).hasToString("local has no sessions");
                });
        login.check(List.of("aws"), "messer login");
        assertThat(login.positionals().get(0).offers()).containsExactly("aws");
    }

    @Test
    void aHiddenForm_isLeftToTheCommand() {
        Grammar completion = Grammar.of(Positional.choice("bash|zsh")).hidden("names");
        completion.check(List.of("names", "aws", "bag"), "messer completion");
        assertThatThrownBy(() -> completion.check(List.of("bash", "x"), "messer completion"))
                .hasMessage("too many arguments");
        assertThat(completion.positionals().get(0).offers()).containsExactly("bash", "zsh");
    }

    @Test
    void providerWord_isTheWordInTheProvidersPlace_notAnyWordThatLooksLikeOne() {
        assertThat(SHOW.providerWord(List.of("aws", "local", "x"))).hasValue("aws");
        assertThat(SHOW.providerWord(List.of("gcp", "aws"))).isEmpty();
        assertThat(SHOW.providerWord(List.of())).isEmpty();
        Grammar completion = Grammar.of(Positional.choice("bash|zsh")).hidden("names");
        assertThat(completion.providerWord(List.of("names", "aws"))).isEmpty();
    }

    @Test
    void theParser_describesThePositionalWords_forHelpAndTheManPage() {
        CommandBase command = new CommandBase(SHOW) {
            @Override
            public int run(CommandContext context) {
                return 0;
            }
        };
        JCommander parser = SHOW.parser(command, "messer data bag show");
        StringBuilder usage = new StringBuilder();
        parser.getUsageFormatter().usage(usage);
        assertThat(usage.toString()).startsWith("Usage: messer data bag show [options] aws|local [BAG [ITEM]]\n");

        parser.parse("local", "web", "--profile", "dev");
        assertThat(command.words()).containsExactly("local", "web");
        assertThat(command.common().profile).isEqualTo("dev");
    }
}

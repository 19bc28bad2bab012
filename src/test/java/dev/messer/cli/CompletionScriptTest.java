package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer completion}: the bash script, sourced in a real bash and asked like bash asks it. */
class CompletionScriptTest {

    @TempDir
    Path home;

    Path script;

    @BeforeEach
    void writeScript() throws Exception {
        CliRun result = new CliSandbox(home).run("completion", "bash");
        assertThat(result.exit()).as(result.toString()).isZero();
        script = Files.writeString(home.resolve("messer.bash"), result.out());
    }

    /** Completes the last word of {@code line} (an empty last word when it ends with a space). */
    private List<String> complete(String line) throws Exception {
        List<String> words = new java.util.ArrayList<>(Arrays.asList(line.split(" ", -1)));
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        String program = "source \"$1\"; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.size() - 1)
                + "; _messer; printf '%s\\n' \"${COMPREPLY[@]}\"";
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", program, "bash", script.toString())
                .directory(home.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        Process bash = builder.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void topLevel_offersEveryCommandWord() throws Exception {
        assertThat(complete("messer ")).contains("configure", "quickstart", "encryption", "data", "exec", "completion",
                "--version");
        assertThat(complete("messer e")).containsExactlyInAnyOrder("encryption", "exec", "export");
    }

    @Test
    void groups_offerTheirWords_atEveryLevel() throws Exception {
        assertThat(complete("messer data ")).contains("bag");
        assertThat(complete("messer data bag ")).contains("create", "from", "show", "edit", "delete");
        assertThat(complete("messer data bag from ")).contains("file");
        assertThat(complete("messer encryption ")).contains("create", "increment", "list", "delete");
    }

    @Test
    void leaf_offersProviderWordsFirst_thenItsOptions() throws Exception {
        assertThat(complete("messer data bag show ")).containsExactly("aws", "local");
        assertThat(complete("messer data bag show l")).containsExactly("local");
        assertThat(complete("messer data bag show local app db --")).contains("--decrypt", "--format", "--field",
                "--profile", "--config");
        assertThat(complete("messer data bag from file local app x.json --s")).contains("--secret-file", "--silent");
    }

    @Test
    void configure_offersTheOptionsDerivedFromTheSettingDefinitions() throws Exception {
        assertThat(complete("messer configure aws --k")).containsExactly("--keys-bucket");
        assertThat(complete("messer configure aws --end")).containsExactly("--endpoint-url");
        assertThat(complete("messer configure local --p")).contains("--print", "--passphrase", "--path-style");
        assertThat(complete("messer configure local -m mk --")).contains("--allowed-variables", "--tier");
    }

    @Test
    void optionWithListedValues_offersThem() throws Exception {
        assertThat(complete("messer data bag show local app db --decrypt --format "))
                .containsExactly("json", "pretty", "env", "dotenv", "export", "envfile", "properties");
        assertThat(complete("messer data bag show local app db --decrypt --format e")).containsExactly("env", "export",
                "envfile");
    }

    @Test
    void providerIsOfferedOnlyForTheFirstPositional_evenAfterOptionsWithValues() throws Exception {
        assertThat(complete("messer data bag show --profile dev ")).containsExactly("aws", "local");
        assertThat(complete("messer data bag show local ")).doesNotContain("aws", "local");
    }

    @Test
    void configOption_completesFileNames() throws Exception {
        Files.writeString(home.resolve("team.ini"), "");
        assertThat(complete("messer data bag show -c te")).containsExactly("team.ini");
    }

    @Test
    void launcherInstall_isOffered_withItsPrefixOption_thatTakesAFolder() throws Exception {
        Files.createDirectories(home.resolve("links"));
        assertThat(complete("messer ")).contains("install");
        assertThat(complete("messer in")).containsExactly("install");
        assertThat(complete("messer install --")).containsExactlyInAnyOrder("--prefix", "--help");
        assertThat(complete("messer install --prefix li")).containsExactly("links");
        assertThat(complete("messer install --prefix links -")).contains("-h");
    }

    @Test
    void afterDashesInExec_commandNamesAreOffered() throws Exception {
        assertThat(complete("messer exec local app db -- ba")).contains("bash");
    }

    @Test
    void awsOnlyCommands_offerTheProviderWord_andTheirListedOptionValues() throws Exception {
        assertThat(complete("messer policy ")).containsExactly("aws");
        assertThat(complete("messer policy aws --role ")).containsExactly("admin", "writer", "reader");
        assertThat(complete("messer setup ")).containsExactly("aws");
        assertThat(complete("messer doctor ")).containsExactly("aws", "local");
    }

    /**
     * Puts a {@code messer} on the PATH of the completing bash that runs this build against the
     * sandbox, with a listing time limit a loaded machine does not reach ({@link UnhurriedCompletionMain}).
     */
    private CliSandbox messerOnPath() throws Exception {
        CliSandbox sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"p\"}")
                .upload("{\"id\":\"api\",\"token\":\"t\"}");
        StringBuilder wrapper = new StringBuilder("#!/bin/sh\nexec env -i");
        for (String variable : sandbox.envArray()) {
            wrapper.append(" '").append(variable.replace("'", "'\\''")).append('\'');
        }
        for (String word : CliSandbox.javaCommand(UnhurriedCompletionMain.class)) {
            wrapper.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        wrapper.append(" \"$@\"\n");
        Path messer = home.resolve("bin/messer");
        Files.createDirectories(messer.getParent());
        Files.writeString(messer, wrapper);
        messer.toFile().setExecutable(true);
        return sandbox;
    }

    @Test
    void bagPosition_offersTheBagsOfTheStore_andItemPosition_itsItems() throws Exception {
        messerOnPath();

        assertThat(complete("messer data bag show local ")).containsExactly("app");
        assertThat(complete("messer data bag show local app ")).containsExactlyInAnyOrder("db", "api");
        assertThat(complete("messer data bag history local app d")).containsExactly("db");
    }

    @Test
    void profileOption_offersTheProfilesOfTheConfiguration_andSelectsTheOneListed() throws Exception {
        CliSandbox sandbox = messerOnPath();
        CliSandbox.expectOk(sandbox.run("configure", "local", "--profile", "empty", "-m", "test", "-e", "dev",
                "--local-root", home.resolve("empty-store").toString()));

        assertThat(complete("messer data bag show --profile ")).contains("empty");
        assertThat(complete("messer data bag show --profile empty local ")).isEmpty();
        assertThat(complete("messer data bag show local ")).containsExactly("app");
    }

    @Test
    void references_offerBagsWithASlash_thenTheItemsOfThatBag() throws Exception {
        messerOnPath();

        assertThat(complete("messer export local ")).containsExactly("app/");
        assertThat(complete("messer export local app/")).containsExactlyInAnyOrder("app/db", "app/api");
        assertThat(complete("messer exec local app/d")).containsExactly("app/db");
    }

    @Test
    void completionCommand_offersShells() throws Exception {
        assertThat(complete("messer completion ")).containsExactly("bash", "zsh");
    }

    @Test
    void zshScript_loadsTheSameFunctionThroughBashcompinit() {
        CliRun zsh = new CliSandbox(home).run("completion", "zsh");
        assertThat(zsh.exit()).isZero();
        assertThat(zsh.out()).contains("bashcompinit").contains("_messer()").contains("complete -o default -F _messer messer");
    }

    @Test
    void unknownShell_isUsageError() {
        CliRun fish = new CliSandbox(home).run("completion", "fish");
        assertThat(fish.exit()).isEqualTo(2);
        assertThat(fish.err()).contains("'fish'");
    }
}

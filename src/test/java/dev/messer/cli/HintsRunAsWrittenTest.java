package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line that an error or a fix of {@code doctor} suggests runs as written for the user
 * who got it: with the provider word, the {@code --profile} and the {@code -c} they typed, here a
 * profile that is not the default one in a file whose path holds a space. Each hint is taken from the
 * output, split into words as a shell would, and run; it must succeed, and reach the same profile.
 */
class HintsRunAsWrittenTest {

    @TempDir
    Path home;
    private CliSandbox sandbox;
    private String config;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new CliSandbox(home);
        config = home.resolve("team config.ini").toString();
        ok("configure", "local", "-m", "test", "-e", "dev");
        ok("encryption", "create", "local", "app");
        ok("data", "bag", "create", "local", "app");
        Files.writeString(home.resolve("db.json"), "{\"id\":\"db\",\"password\":\"p\"}");
    }

    @Test
    void missingBag_suggestsCreatingIt() {
        runEveryHint(fail("data", "bag", "show", "local", "web", "db"));
    }

    @Test
    void missingItem_suggestsListingTheBag() {
        runEveryHint(fail("data", "bag", "show", "local", "app", "nothing"));
    }

    @Test
    void missingKey_suggestsCreatingIt() {
        runEveryHint(fail("data", "bag", "from", "file", "local", "app", home.resolve("db.json").toString(),
                "--secret-file", "payments"));
    }

    @Test
    void missingKeyVersion_suggestsListingTheVersions() {
        runEveryHint(fail("data", "bag", "from", "file", "local", "app", home.resolve("db.json").toString(),
                "--secret-file", "app", "-v", "7"));
    }

    @Test
    void existingKey_suggestsAddingAVersion() {
        runEveryHint(fail("encryption", "create", "local", "app"));
    }

    @Test
    void deletingAMissingVersion_suggestsListingTheVersions() {
        runEveryHint(fail("encryption", "delete", "local", "app", "9", "--no-prompt"));
    }

    @Test
    void listingAMissingKey_suggestsCreatingIt() {
        runEveryHint(fail("encryption", "list", "local", "orders"));
    }

    @Test
    void doctorsFixes_onAProfileWithEverything_runAsWritten_againstTheSameProfile() throws Exception {
        CliRun last = HintLines.runDoctorsFixes(sandbox::run, withProfile("doctor", "local"), this::reachesTeam);
        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.out()).contains("[ok]   variables").contains("[ok]   item formats")
                .contains("min_item_format = 2: format-1 items are refused");
        assertNoStrayProfile("team");
    }

    @Test
    void doctorsFixes_onAFreshProfile_runAsWritten_againstTheSameProfile() throws Exception {
        CliSandbox.expectOk(sandbox.run("configure", "local", "-m", "fresh", "-e", "fresh", "-k", "fresh-keys",
                "-b", "fresh-secrets", "--profile", "fresh", "-c", config));
        CliRun first = sandbox.run("doctor", "local", "--profile", "fresh", "-c", config);
        assertThat(first.out()).contains("[FAIL] keys bucket").contains("[FAIL] secrets bucket");

        CliRun last = HintLines.runDoctorsFixes(sandbox::run,
                new String[] {"doctor", "local", "--profile", "fresh", "-c", config}, command -> {
                    assertThat(command).startsWith("messer ").contains(" local ").contains("--profile fresh")
                            .contains("-c \"" + config + "\"");
                });
        assertThat(last.exit()).as(last.toString()).isZero();
        assertThat(last.out()).contains("[ok]   keys bucket").contains("[ok]   secrets bucket")
                .contains("latest versions unwrap: KEY_NAME v0").contains("[ok]   item formats");
        assertNoStrayProfile("team", "fresh");
    }

    private void reachesTeam(String command) {
        assertThat(command).startsWith("messer ").contains(" local ").contains("--profile team")
                .contains("-c \"" + config + "\"");
    }

    /** The fixes wrote to the profiles doctor checked, and made no profile named after the provider. */
    private void assertNoStrayProfile(String... profiles) throws Exception {
        String text = Files.readString(Path.of(config));
        assertThat(text).doesNotContain("[profile local]").doesNotContain("[profile aws]");
        for (String profile : profiles) {
            assertThat(text).contains("[profile " + profile + "]");
        }
        assertThat(text.split("\\[profile ", -1)).hasSize(profiles.length + 1);
    }

    @Test
    void hintsOfACommandWithoutProfileOrConfig_carryNeither() {
        CliSandbox plain = new CliSandbox(home.resolve("other"));
        CliSandbox.expectOk(plain.run("configure", "local", "-m", "test", "-e", "dev"));
        CliRun failed = plain.run("data", "bag", "show", "local", "web", "db");
        assertThat(failed.err()).contains("'messer data bag create local web'");
    }

    private void runEveryHint(CliRun failed) {
        List<String> hints = HintLines.commands(failed.err());
        assertThat(hints).as("hints in: " + failed.err()).isNotEmpty();
        for (String hint : hints) {
            assertThat(hint).contains(" local ").contains("--profile team").contains("-c \"" + config + "\"");
            CliRun result = sandbox.run(HintLines.shellWords(hint.substring("messer ".length())));
            assertThat(result.exit()).as(hint + " -> " + result).isZero();
        }
    }

    private CliRun fail(String... args) {
        CliRun result = sandbox.run(withProfile(args));
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        return result;
    }

    private void ok(String... args) {
        CliSandbox.expectOk(sandbox.run(withProfile(args)));
    }

    private String[] withProfile(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--profile", "team", "-c", config));
        return all.toArray(String[]::new);
    }
}

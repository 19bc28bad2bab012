package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line that an error suggests runs as written for the user who got it: with the
 * provider word, the {@code --profile} and the {@code -c} they typed. Each hint is taken from the
 * error, split into words as a shell would, and run; it must succeed.
 */
class HintsRunAsWrittenTest {

    private static final Pattern HINT = Pattern.compile("'(messer [^']*)'");

    @TempDir
    Path home;
    private LocalCliSandbox sandbox;
    private String config;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = new LocalCliSandbox(home);
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
    void hintsOfACommandWithoutProfileOrConfig_carryNeither() {
        LocalCliSandbox plain = new LocalCliSandbox(home.resolve("other"));
        LocalCliSandbox.expectOk(plain.run("configure", "local", "-m", "test", "-e", "dev"));
        CliRun failed = plain.run("data", "bag", "show", "local", "web", "db");
        assertThat(failed.err()).contains("'messer data bag create local web'");
    }

    private void runEveryHint(CliRun failed) {
        List<String> hints = new ArrayList<>();
        Matcher matcher = HINT.matcher(failed.err());
        while (matcher.find()) {
            hints.add(matcher.group(1));
        }
        assertThat(hints).as("hints in: " + failed.err()).isNotEmpty();
        for (String hint : hints) {
            assertThat(hint).contains(" local ").contains("--profile team").contains("-c \"" + config + "\"");
            CliRun result = sandbox.run(shellWords(hint.substring("messer ".length())));
            assertThat(result.exit()).as(hint + " -> " + result).isZero();
        }
    }

    private CliRun fail(String... args) {
        CliRun result = sandbox.run(withProfile(args));
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        return result;
    }

    private void ok(String... args) {
        LocalCliSandbox.expectOk(sandbox.run(withProfile(args)));
    }

    private String[] withProfile(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--profile", "team", "-c", config));
        return all.toArray(String[]::new);
    }

    /** Splits like a POSIX shell for the quoting hints use: plain words and double-quoted ones. */
    private static String[] shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words.toArray(String[]::new);
    }
}

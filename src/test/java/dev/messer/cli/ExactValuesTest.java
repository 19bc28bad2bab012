package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values are compared as written: numbers that a double cannot tell apart, a number past the double
 * range, and {@code 1} against {@code 1.0} are different values to {@code edit}, {@code diff} and
 * {@code bulk copy}, and each stores and prints the text the user wrote.
 */
class ExactValuesTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag();
    }

    private static String item(String number) {
        return "{\"id\":\"acct\",\"n\":" + number + "}";
    }

    private String storedText(String... profile) {
        String[] args = concat(new String[] {"data", "bag", "show", "local", "app", "acct", "--decrypt", "--field", "n",
            "-n"}, profile);
        CliRun shown = sandbox.run(args);
        assertThat(shown.exit()).as(shown.toString()).isZero();
        return shown.out();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @ParameterizedTest
    @CsvSource({"1234567890123456789, 1234567890123456700", "1e400, 2e400", "1, 1.0"})
    void edit_savesANumberThatOnlyDiffersInItsText_andStoresItAsWritten(String before, String after)
            throws IOException {
        sandbox.upload(item(before));
        Path script = home.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\nsed -i 's/\"n\": " + before + "$/\"n\": " + after + "/' \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", script.toString());

        CliRun edit = sandbox.run("data", "bag", "edit", "local", "app", "acct");

        assertThat(edit.exit()).as(edit.toString()).isZero();
        assertThat(edit.err()).contains("Saved item app/acct").doesNotContain("No changes");
        assertThat(storedText()).isEqualTo(after);
    }

    @ParameterizedTest
    @CsvSource({"1234567890123456789, 1234567890123456700", "1e400, 2e400", "1, 1.0"})
    void diffReveal_betweenVersions_showsTheChangedNumberAsWritten_andExits1(String before, String after) {
        sandbox.upload(item(before)).upload(item(after));

        CliRun diff = sandbox.run("data", "bag", "diff", "local", "app", "acct", "--reveal");

        assertThat(diff.exit()).as(diff.toString()).isEqualTo(1);
        assertThat(diff.out().lines()).containsExactly("~ n: " + before + " -> " + after);
    }

    /** Source (default profile) holds {@code after}; the backup profile holds {@code before}. */
    private CliRun copyToBackup(String before, String after, String... flags) {
        CliSandbox.expectOk(sandbox.run("configure", "local", "--profile", "backup", "-e", "backup",
                "-k", "backup-keys", "-m", "backup"));
        CliSandbox.expectOk(sandbox.run("encryption", "create", "local", "app", "--profile", "backup"));
        CliSandbox.expectOk(sandbox.run("data", "bag", "create", "local", "app", "--profile", "backup"));
        CliSandbox.expectOk(sandbox.runWithInput(item(before), "data", "bag", "from", "file", "local", "app", "-",
                "--secret-file", "app", "--profile", "backup"));
        sandbox.upload(item(after));
        String config = home.resolve("home/.config/messer/messer.ini").toString();
        return sandbox.run(concat(new String[] {"bulk", "copy", "local", "local", config, config, "--dest-profile",
            "backup"}, flags));
    }

    @ParameterizedTest
    @CsvSource({"1234567890123456789, 1234567890123456700", "1e400, 2e400", "1, 1.0"})
    void bulkCopyOverwrite_replacesADestinationThatOnlyDiffersInANumbersText(String before, String after) {
        CliRun copy = copyToBackup(before, after, "--overwrite");

        assertThat(copy.exit()).as(copy.toString()).isZero();
        assertThat(copy.err()).contains("copy: 1 done, 0 skipped, 0 failed");
        assertThat(storedText("--profile", "backup")).isEqualTo(after);
    }

    @ParameterizedTest
    @CsvSource({"1234567890123456789, 1234567890123456700", "1e400, 2e400", "1, 1.0"})
    void bulkCopy_withoutOverwrite_reportsTheDestinationItemAsDiffering_andLeavesIt(String before, String after) {
        CliRun copy = copyToBackup(before, after);

        assertThat(copy.exit()).as(copy.toString()).isZero();
        assertThat(copy.err()).contains("skipped app/acct: differs in").contains("copy: 0 done, 1 skipped, 0 failed")
                .doesNotContain("identical");
        assertThat(storedText("--profile", "backup")).isEqualTo(before);
    }
}

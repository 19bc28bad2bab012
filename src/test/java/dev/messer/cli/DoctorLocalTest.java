package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer doctor local}: the checklist on a healthy profile and on each kind of breakage. */
class DoctorLocalTest {

    @TempDir
    Path home;

    private CliRun doctor(CliSandbox sandbox, String... extra) {
        String[] args = Stream.concat(Stream.of("doctor", "local"), Stream.of(extra)).toArray(String[]::new);
        return sandbox.run(args);
    }

    private Path localRoot() {
        return home.resolve("home/.local/share/messer");
    }

    private Path masterKeyFile() {
        return localRoot().resolve("master-keys/test.key");
    }

    @Test
    void healthyProfile_passesEveryCheck_andExits0() {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ok]   config").contains("[ok]   master key file")
                .contains("[ok]   keys bucket").contains("[ok]   secrets bucket").contains("[ok]   wrap/unwrap")
                .contains("[ok]   data keys").contains("app v0").doesNotContain("FAIL").doesNotContain("skip");
        assertThat(result.err()).contains("All checks passed");
    }

    @Test
    void masterKeyReadableByOthers_failsWithChmodFix_andSkipsWhatNeedsIt() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Files.setPosixFilePermissions(masterKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] master key file").contains("fix: chmod 600 " + masterKeyFile())
                .contains("[skip] wrap/unwrap").contains("[skip] data keys");
    }

    @Test
    void freshProfile_withNoKeyOrItemYet_isFixedByConfigure_notByARestore() {
        CliSandbox sandbox = new CliSandbox(home);
        CliSandbox.expectOk(sandbox.run("quickstart"));
        CliRun result = doctor(sandbox, "--profile", "local");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] master key file").contains("does not exist yet")
                .contains("fix: create it with 'messer configure local --profile local'")
                .doesNotContain("restore it from your backup");
        CliSandbox.expectOk(sandbox.run("configure", "local", "--profile", "local"));
        assertThat(doctor(sandbox, "--profile", "local").out()).contains("[ok]   master key file");
    }

    @Test
    void missingMasterKey_failsWithRestoreFix_neverCreate() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Files.delete(masterKeyFile());
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] master key file").contains("does not exist")
                .contains("fix: restore it from your backup").doesNotContain("fix: run 'messer configure local'");
    }

    @Test
    void groupWritableBucketFolder_failsWithChmodFix() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Path keys = localRoot().resolve("keys");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwx---"));
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] keys bucket").contains("writable by group or others")
                .contains("fix: run 'chmod go-w " + keys + "'");
    }

    @Test
    void symlinkedMasterKeyFolder_failsTheMasterKeyCheck() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Path folder = masterKeyFile().getParent();
        Path moved = home.resolve("moved-keys");
        Files.move(folder, moved);
        Files.createSymbolicLink(folder, moved);
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] master key file").contains("symbolic link")
                .contains("[skip] wrap/unwrap");
    }

    @Test
    void noDataKeysYet_keysBucketFailsWithCreateFix() {
        CliSandbox sandbox = new CliSandbox(home);
        CliSandbox.expectOk(sandbox.run("configure", "local", "-m", "test", "-e", "dev"));
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] keys bucket").contains("fix: create a data key: 'messer encryption create local KEY_NAME'")
                .contains("[ok]   wrap/unwrap");
    }

    @Test
    void replacedMasterKey_failsTheDataKeysCheck() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Files.delete(masterKeyFile());
        dev.messer.local.LocalMasterKeyFile.create(masterKeyFile());
        CliRun result = doctor(sandbox);
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[ok]   wrap/unwrap").contains("[FAIL] data keys").contains("app");
    }

    @Test
    void missingConfigFile_failsConfig_andRunsNothingElse() {
        CliSandbox sandbox = new CliSandbox(home);
        CliRun result = doctor(sandbox, "-c", home.resolve("nope.ini").toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] config").contains("nope.ini").contains("fix:");
        assertThat(result.out().lines().filter(l -> l.startsWith("[")).count()).isEqualTo(1);
    }

    @Test
    void contextlessVersionPlantedAboveABoundOne_isReported() throws IOException {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        Path keys = localRoot().resolve("keys/app");
        Files.copy(keys.resolve("0"), keys.resolve("1"));

        CliRun result = doctor(sandbox);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("[FAIL] key versions")
                .contains("app v1 has no encryption context although a lower version has one")
                .contains("messer encryption delete local app 1");
    }

    @Test
    void noFormat1ItemLeft_recommendsMinItemFormat2() {
        CliSandbox sandbox = new CliSandbox(home).withBag().upload("{\"id\": \"db\", \"pw\": \"x\"}");
        CliRun result = doctor(sandbox);
        assertThat(result.out()).contains("item formats").contains("messer configure local --min-item-format 2");

        CliSandbox.expectOk(sandbox.run("configure", "local", "--min-item-format", "2"));
        assertThat(doctor(sandbox).out()).contains("[ok]   item formats").contains("format-1 items are refused");
    }

    @Test
    void format1ItemsLeft_areCounted_andMinItemFormat2IsNotYetRecommended() {
        CliSandbox sandbox = new CliSandbox(home).withBag();
        CliSandbox.expectOk(sandbox.run("configure", "local", "--item-format", "1"));
        sandbox.upload("{\"id\": \"db\", \"pw\": \"x\"}");
        CliSandbox.expectOk(sandbox.run("configure", "local", "--item-format", "2"));

        CliRun result = doctor(sandbox);

        assertThat(result.out()).contains("[ok]   item formats").contains("1 item is still in format 1")
                .doesNotContain("--min-item-format 2");
    }
}

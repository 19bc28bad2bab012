package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command on the local provider, in-process, as a user types it. */
class LocalCommandsTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;
    Path item;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        item = cli.write("db.json", "{\"id\": \"db\", \"user\": \"app\", \"password\": \"s3cret\"}");
    }

    @Test
    void configureLocal_onAFreshMachine_createsConfigFromTemplateAndMasterKey() throws IOException {
        CliRun result = cli.ok("configure", "local");

        assertThat(cli.configFile()).exists();
        assertThat(Files.readString(cli.configFile())).contains("[profile local]").contains("default_profile = local");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile().getParent())))
                .isEqualTo("rwx------");
        Path keyFile = cli.localRoot().resolve("master-keys/default.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        assertThat(result.err()).contains("Created configuration file").contains("Created local master key");
        assertThat(result.out()).contains("master_key = default    ; [profile local]")
                .contains("local_root = " + cli.localRoot() + "    ; default");
    }

    @Test
    void configureLocal_again_keepsTheMasterKey() throws IOException {
        cli.ok("configure", "local");
        Path keyFile = cli.localRoot().resolve("master-keys/default.key");
        byte[] key = Files.readAllBytes(keyFile);

        CliRun again = cli.ok("configure", "local");

        assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
        assertThat(again.err()).doesNotContain("Created");
    }

    @Test
    void encryptionCreateIncrementList_showsNamesAndVersions() {
        cli.ok("configure", "local");
        CliRun created = cli.ok("encryption", "create", "local", "app");
        assertThat(created.out()).isEmpty();
        assertThat(created.err()).contains("Created encryption key app v0");
        assertThat(cli.ok("encryption", "increment", "local", "app").err()).contains("app v1");
        cli.ok("encryption", "increment", "local", "app");
        cli.ok("encryption", "create", "local", "other");

        assertThat(cli.ok("encryption", "list", "local").outLines()).containsExactly("app", "other");
        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0", "1", "2");
        assertThat(cli.localRoot().resolve("keys/app/2")).exists();
    }

    @Test
    void dataBagFlow_createUploadShowDecryptDelete() {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        assertThat(cli.ok("data", "bag", "create", "local", "bag1").err()).contains("Created data bag bag1");
        assertThat(cli.ok("data", "bag", "create", "local", "bag1").err()).contains("already exists");
        CliRun upload = cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(),
                "--secret-file", "app");
        assertThat(upload.out()).isEmpty();
        assertThat(upload.err()).contains("Uploaded data bag item bag1/db with key app v0");

        assertThat(cli.ok("data", "bag", "show", "local").outLines()).containsExactly("bag1");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1").outLines()).containsExactly("db");
        String stored = cli.ok("data", "bag", "show", "local", "bag1", "db").out();
        assertThat(stored).contains("\"encrypted_data\"").doesNotContain("s3cret");
        JsonObject decrypted = JsonParser.parseString(
                cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt").out()).getAsJsonObject();
        assertThat(decrypted.get("password").getAsString()).isEqualTo("s3cret");
        assertThat(decrypted.get("key_name").getAsString()).isEqualTo("app");
        assertThat(decrypted.has("encrypted_data")).isFalse();

        assertThat(cli.ok("data", "bag", "delete", "local", "bag1", "db").err())
                .contains("Deleted data bag item bag1/db");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1").out()).isEmpty();
        assertThat(cli.ok("data", "bag", "delete", "local", "bag1").err()).contains("Deleted data bag bag1");
        assertThat(cli.ok("data", "bag", "show", "local").out()).isEmpty();
    }

    @Test
    void fromFile_withKeyVersion_sealsWithThatVersion_andForceReplaces() {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("encryption", "increment", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");

        cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(), "--secret-file", "app", "-v", "0");
        assertThat(JsonParser.parseString(cli.ok("data", "bag", "show", "local", "bag1", "db").out())
                .getAsJsonObject().get("key_version").getAsInt()).isEqualTo(0);

        Path changed = cli.write("db2.json", "{\"id\": \"db\", \"password\": \"rotated\"}");
        cli.ok("data", "bag", "from", "file", "local", "bag1", changed.toString(), "--secret-file", "app", "--force");
        JsonObject shown = JsonParser.parseString(cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt")
                .out()).getAsJsonObject();
        assertThat(shown.get("key_version").getAsInt()).isEqualTo(1);
        assertThat(shown.get("password").getAsString()).isEqualTo("rotated");
    }

    @Test
    void fromFile_dash_readsTheItemFromStandardInput() {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");
        cli.stdin = "{\"id\": \"piped\", \"token\": \"t0k\"}".getBytes(StandardCharsets.UTF_8);

        cli.ok("data", "bag", "from", "file", "local", "bag1", "-", "--secret-file", "app");

        assertThat(cli.ok("data", "bag", "show", "local", "bag1", "piped", "--decrypt").out()).contains("t0k");
    }

    @Test
    void storedItem_neverHoldsThePlaintext() throws IOException {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");
        cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(), "--secret-file", "app");

        try (var files = Files.walk(cli.localRoot())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain("s3cret");
            }
        }
    }

    @Test
    void quickstart_twice_printsTheDecryptedSampleBothTimes() {
        CliRun first = cli.ok("quickstart");
        CliRun second = cli.ok("quickstart");

        for (CliRun run : new CliRun[] {first, second}) {
            JsonObject shown = JsonParser.parseString(run.out()).getAsJsonObject();
            assertThat(shown.get("id").getAsString()).isEqualTo("db");
            assertThat(shown.has("encrypted_data")).isFalse();
        }
        assertThat(first.err()).contains("$ messer configure local").contains("$ messer encryption create local app")
                .contains("$ messer data bag create local demo").contains("$ messer data bag from file local demo")
                .contains("$ messer data bag show local demo");
        assertThat(second.err()).contains("exists already");
        assertThat(cli.ok("data", "bag", "show", "local", "demo", "--profile", "quickstart").outLines())
                .containsExactly("db");
        assertThat(cli.ok("encryption", "list", "local", "app", "--profile", "quickstart").outLines())
                .containsExactly("0");
    }

    @Test
    void quickstart_afterTheUserMadeAnAppKeyUnderAnotherMasterKey_stillWorks() {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");

        cli.ok("quickstart");

        assertThat(cli.ok("encryption", "list", "local", "app").outLines()).containsExactly("0");
        cli.ok("data", "bag", "create", "local", "bag1");
        cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(), "--secret-file", "app");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt").out()).contains("s3cret");
    }

    @Test
    void userProfile_afterQuickstart_createsItsOwnAppKey() {
        cli.ok("quickstart");
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");
        cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(), "--secret-file", "app");
        assertThat(cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt").out()).contains("s3cret");
        assertThat(cli.ok("data", "bag", "show", "local", "demo", "db", "--decrypt", "--profile", "quickstart")
                .out()).contains("\"id\":\"db\"");
    }

    @Test
    void quickstart_keepsAnExistingConfiguration() throws IOException {
        cli.ok("configure", "local", "-e", "prod");
        String before = Files.readString(cli.configFile());

        cli.ok("quickstart");

        String after = Files.readString(cli.configFile());
        assertThat(after).contains("[profile local]").contains("tier = prod").contains("[profile quickstart]");
        assertThat(before).contains("; messer configuration");
        assertThat(after).contains("; messer configuration");
        assertThat(cli.ok("configure", "local", "-p").out()).contains("tier = prod");
    }

    @Test
    void versionFlag_printsTheVersionOnStdout() {
        CliRun result = cli.ok("--version");
        assertThat(result.out()).matches("messer \\d+\\.\\d+\\.\\d+.*\\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void twoLocalTiers_sideBySide_doNotSeeEachOthersBags() throws IOException {
        cli.ok("configure", "local", "--profile", "dev", "-e", "dev");
        cli.ok("configure", "local", "--profile", "prod", "-e", "prod");
        cli.ok("encryption", "create", "local", "app", "--profile", "dev");
        cli.ok("data", "bag", "create", "local", "only-dev", "--profile", "dev");
        cli.ok("data", "bag", "create", "local", "only-prod", "--profile", "prod");

        assertThat(cli.ok("data", "bag", "show", "local", "--profile", "dev").outLines()).containsExactly("only-dev");
        cli.env.put("MESSER_PROFILE", "prod");
        assertThat(cli.ok("data", "bag", "show", "local").outLines()).containsExactly("only-prod");
        assertThat(cli.localRoot().resolve("secrets/dev/only-dev")).isDirectory();
        assertThat(cli.localRoot().resolve("secrets/prod/only-prod")).isDirectory();
    }
}

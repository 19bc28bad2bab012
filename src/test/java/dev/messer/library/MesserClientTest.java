package dev.messer.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messer.cli.CliRun;
import dev.messer.error.ConfigException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.SteppingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library on a local profile made by the command line: the same items, rules and key cache. */
class MesserClientTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        ok("configure", "local");
        // the folder named in the file, so that a client opened with the process environment finds it too
        Path ini = home.resolve(".config/messer/messer.ini");
        Files.writeString(ini, Files.readString(ini).replace("[profile local]\n", "[profile local]\nlocal_root = "
                + home.resolve(".local/share/messer") + "\n"));
        ok("encryption", "create", "local", "app");
        ok("data", "bag", "create", "local", "payments");
        store("db", "{\"id\":\"db\",\"password\":\"s3cret\",\"db\":{\"hosts\":[\"a\",\"b\"]}}");
        store("api", "{\"id\":\"api\",\"key\":\"k-123\"}");
    }

    private void store(String id, String json) throws Exception {
        Path file = Files.writeString(home.resolve(id + ".json"), json);
        ok("data", "bag", "from", "file", "local", "payments", file.toString(), "--secret-file", "app");
    }

    private void ok(String... args) {
        CliRun run = CliRun.run(Map.copyOf(env), args);
        assertThat(run.exit()).as(run.toString()).isZero();
    }

    private MesserClient open() {
        return Messer.profile(null).environment(env).open();
    }

    @Test
    void readsItems_asATree_asFieldPaths_andOneField() {
        try (MesserClient messer = open()) {
            assertThat(messer.item("payments", "db").get("password").getAsString()).isEqualTo("s3cret");
            assertThat(messer.fields("payments", "db")).containsExactly(Map.entry("password", "s3cret"),
                    Map.entry("db.hosts[0]", "a"), Map.entry("db.hosts[1]", "b"));
            assertThat(messer.field("payments", "api", "key")).contains("k-123");
            assertThat(messer.field("payments", "api", "other")).isEmpty();
            assertThat(messer.bags()).containsExactly("payments");
            assertThat(messer.items("payments")).containsExactly("api", "db");
            assertThat(messer.unwrapCount()).as("two items under one key version: one unwrap").isEqualTo(1);
        }
    }

    @Test
    void theDocumentedExample_readsThePassword() {
        Path config = home.resolve(".config/messer/messer.ini");
        LibraryExample.Connection read = LibraryExample.read("local", config);
        assertThat(read.password()).isEqualTo("s3cret");
        assertThat(read.api()).containsExactly(Map.entry("key", "k-123"));
    }

    @Test
    void aMissingItemOrBag_isNotFound_withTheCommandLinesMessage() {
        try (MesserClient messer = open()) {
            assertThatThrownBy(() -> messer.fields("payments", "absent")).isInstanceOf(NotFoundException.class)
                    .hasMessage("item absent does not exist in data bag payments; see 'messer data bag show local payments "
                            + "--profile local -c " + home.resolve(".config/messer/messer.ini") + "'");
            assertThatThrownBy(() -> messer.fields("nobag", "db")).isInstanceOf(NotFoundException.class)
                    .hasMessageStartingWith("data bag nobag (dev/nobag/) does not exist");
            NotFoundException missing = catchThrowableOfType(NotFoundException.class,
                    () -> messer.fields("payments", "absent"));
            assertThat(messer.message(missing)).isEqualTo("item absent does not exist in data bag payments; see "
                    + "'messer data bag show local payments --profile local -c " + home.resolve(".config/messer/messer.ini")
                    + "'");
        }
    }

    @Test
    void everyFailure_leavesTheClientWithItsFixWrittenForTheProfile_notWithAPlaceholder() {
        String ini = home.resolve(".config/messer/messer.ini").toString();
        try (MesserClient messer = open()) {
            List<NotFoundException> failures = List.of(
                    catchThrowableOfType(NotFoundException.class, () -> messer.item("payments", "absent")),
                    catchThrowableOfType(NotFoundException.class, () -> messer.field("payments", "absent", "key")),
                    catchThrowableOfType(NotFoundException.class, () -> messer.items("nobag")),
                    catchThrowableOfType(NotFoundException.class, () -> messer.fields("nobag", "db")));
            assertThat(failures).allSatisfy(failure -> {
                assertThat(failure.getMessage()).doesNotContain("<provider>").contains("'messer ")
                        .contains(" local ").contains("--profile local -c " + ini).isEqualTo(messer.message(failure));
                assertThat(failure.hint().isEmpty()).isFalse();
            });
        }
    }

    @Test
    void theDataKeyCache_keepsAtMostMaxKeys_leastRecentlyUsedGoingFirst() throws Exception {
        ok("encryption", "increment", "local", "app");
        store("web", "{\"id\":\"web\",\"token\":\"t-1\"}"); // under app v1; db and api under v0
        try (MesserClient messer = Messer.profile(null).environment(env).dataKeyCache(1, Duration.ofHours(1)).open()) {
            messer.fields("payments", "db");
            messer.fields("payments", "api");
            assertThat(messer.unwrapCount()).as("one version, kept").isEqualTo(1);
            assertThat(messer.field("payments", "web", "token")).contains("t-1");
            assertThat(messer.unwrapCount()).isEqualTo(2);
            assertThat(messer.field("payments", "db", "password")).contains("s3cret");
            assertThat(messer.unwrapCount()).as("v0 went when v1 came: unwrapped again").isEqualTo(3);
        }
    }

    @Test
    void theDataKeyCache_keepsAKeyForAnHourByDefault_thenUnwrapsItAgain() {
        SteppingClock clock = new SteppingClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (MesserClient messer = Messer.profile(null).environment(env).clock(clock).open()) {
            messer.fields("payments", "db");
            clock.advance(Messer.DATA_KEY_CACHE_MAX_AGE.minusSeconds(1));
            messer.fields("payments", "api");
            assertThat(messer.unwrapCount()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(messer.field("payments", "db", "password")).contains("s3cret");
            assertThat(messer.unwrapCount()).as("an hour after the unwrap").isEqualTo(2);
        }
        assertThat(Messer.DATA_KEY_CACHE_MAX_AGE).isEqualTo(Duration.ofHours(1));
        assertThat(Messer.DATA_KEY_CACHE_MAX_KEYS).isEqualTo(1000);
        assertThatThrownBy(() -> Messer.profile(null).dataKeyCache(0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedClient_holdsNoKey() {
        MesserClient messer = open();
        messer.fields("payments", "db");
        messer.close();
        assertThatThrownBy(() -> messer.fields("payments", "db")).isInstanceOf(IllegalStateException.class)
                .hasMessage("data keys used after close");
    }

    @Test
    void settings_resolveAsTheCommandLine_withABoundOnEachAwsCall() throws Exception {
        Path ini = Files.writeString(home.resolve("service.ini"), "[profile svc]\nprovider = aws\nregion = us-east-1\n"
                + "secrets_bucket = s\nkeys_bucket = k\nmaster_key = m\n");
        assertThat(Messer.profile("svc").environment(env).config(ini).settings().aws().apiCallTimeout())
                .contains(java.time.Duration.ofSeconds(Messer.API_CALL_TIMEOUT_SECONDS));
        env.put("MESSER_API_CALL_TIMEOUT", "4");
        assertThat(Messer.profile("svc").environment(env).config(ini).settings().aws().apiCallTimeout())
                .contains(java.time.Duration.ofSeconds(4));
    }

    @Test
    void aMissingConfigFile_isAOneLineConfigError() {
        Path missing = home.resolve("nowhere.ini");
        assertThatThrownBy(() -> Messer.profile("prod").environment(env).config(missing).open())
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " does not exist; create it with 'messer aws configure -c "
                        + missing + " ...', or name another with MESSER_CONFIG");
        assertThat(List.of(missing.toString())).isNotEmpty();
    }
}

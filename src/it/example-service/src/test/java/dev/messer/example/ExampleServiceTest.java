package dev.messer.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.aws.AwsFixture;
import dev.messer.aws.MotoServer;
import dev.messer.aws.MotoTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example service on moto, started as a Spring Boot application with messer's config-data
 * import: the same test runs on Spring Boot 3.5 (src/it/boot-3.5) and 4.0 (src/it/boot-4.0).
 */
@MotoTest
class ExampleServiceTest {

    @TempDir
    static Path dir;

    static AwsFixture aws;
    static Path config;

    @BeforeAll
    static void storeItems() {
        aws = AwsFixture.create(dir);
        config = aws.writeIni(Map.of());
        aws.okWithConfig(config, "encryption", "create", "aws", "app");
        aws.okWithConfig(config, "data", "bag", "create", "aws", "payments");
        store("db", "{\"id\":\"db\",\"user\":\"app\",\"password\":\"s3cret\",\"hosts\":[\"db-1.internal\",\"db-2.internal\"]}");
        store("api", "{\"id\":\"api\",\"key\":\"k-123\"}");
    }

    private static void store(String id, String json) {
        Path file = aws.writeFile(id + ".json", json);
        aws.okWithConfig(config, "data", "bag", "from", "file", "aws", "payments", file.toString(), "--secret-file", "app");
    }

    @Test
    void properties_areBoundFromItems() {
        try (ConfigurableApplicationContext app = Examples.start(config)) {
            ExampleService.Secrets secrets = app.getBean(ExampleService.Secrets.class);
            assertThat(secrets.db().password()).isEqualTo("s3cret");
            assertThat(secrets.db().hosts()).containsExactly("db-1.internal", "db-2.internal");
            assertThat(secrets.api().key()).isEqualTo("k-123");
            assertThat(app.getEnvironment().getProperty("example.db.hosts[1]")).isEqualTo("db-2.internal");
        }
    }

    @Test
    void optionalImport_ofAMissingItem_isSkipped() {
        try (ConfigurableApplicationContext app = Examples.start(config,
                "--spring.config.import=optional:messer:payments/absent?prefix=extra")) {
            assertThat(app.getEnvironment().getProperty("example.db.password")).isEqualTo("s3cret");
            assertThat(app.getEnvironment().containsProperty("extra.id")).isFalse();
        }
    }

    @Test
    void requiredImport_ofAMissingItem_stopsStartUpWithTheDocumentedLine() throws Exception {
        Examples.Run run = Examples.startProcess(config, "--spring.config.import=messer:payments/absent");
        assertThat(run.exit()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("cannot import messer:payments/absent (profile aws, config " + config
                + "): item absent does not exist in data bag payments; see 'messer data bag show aws payments "
                + "--profile aws -c " + config + "', or make the import optional:messer:payments/absent");
        assertThat(run.output()).doesNotContain("s3cret", "k-123");
    }

    @Test
    void brokenS3Endpoint_failsWithinTheBoundedTime() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path broken = aws.writeIni("broken.ini", Map.of("s3_endpoint_url", "http://127.0.0.1:"
                    + blackHole.getLocalPort(), "api_call_timeout", "3", "max_attempts", "2"));
            Instant start = Instant.now();
            assertThatThrownBy(() -> Examples.start(broken).close())
                    .hasMessageMatching(failedImport(broken) + "S3 at http://127\\.0\\.0\\.1:[0-9]+ did not answer s3:GetObject on "
                            + "s3://.* in time \\(Client execution did not complete before the specified timeout "
                            + "configuration: 3000 millis\\); check the network, or raise api_call_timeout");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }
    }

    /** The start of the line of a failed import of either item (Spring Boot decides which it loads first). */
    private static String failedImport(Path config) {
        return "cannot import messer:payments/(db|api) \\(profile aws, config " + Pattern.quote(config.toString())
                + "\\): ";
    }

    @Test
    void lastKnownGoodCopy_startsTheServiceWhenS3IsUnreachable() throws IOException {
        Path copy = dir.resolve("lkg/messer-copy.json");
        try (ConfigurableApplicationContext app = Examples.start(config, "--messer.last-known-good.file=" + copy)) {
            assertThat(app.getBean(ExampleService.Secrets.class).db().password()).isEqualTo("s3cret");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        String stored = Files.readString(copy, StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain("s3cret", "k-123", "db-1.internal");

        Path broken = aws.writeIni("unreachable.ini", Map.of("s3_endpoint_url", "http://127.0.0.1:"
                + MotoServer.closedPort(), "max_attempts", "1"));
        try (ConfigurableApplicationContext app = Examples.start(broken, "--messer.last-known-good.file=" + copy)) {
            ExampleService.Secrets secrets = app.getBean(ExampleService.Secrets.class);
            assertThat(secrets.db().password()).isEqualTo("s3cret");
            assertThat(secrets.api().key()).isEqualTo("k-123");
        }
        assertThatThrownBy(() -> Examples.start(broken, "--messer.last-known-good.file=" + copy,
                "--messer.last-known-good.max-age=1ms").close())
                .hasMessageContaining("longer ago than its maximum age");
        assertThatThrownBy(() -> Examples.start(broken).close())
                .hasMessageMatching(failedImport(broken)
                        + "cannot reach S3 at http://127\\.0\\.0\\.1:[0-9]+ for s3:GetObject on .*");
    }

    @Test
    void actuatorEnv_masksMessersValues_andShowsAPlainProperty() {
        try (ConfigurableApplicationContext app = Examples.start(config,
                "--management.endpoint.env.show-values=always", "--management.endpoints.web.exposure.include=env")) {
            EnvironmentEndpoint env = app.getBean(EnvironmentEndpoint.class);
            assertThat(Examples.shown(env, "example.db.password")).isEqualTo("******");
            assertThat(Examples.shown(env, "example.api.key")).isEqualTo("******");
            assertThat(Examples.shown(env, "example.greeting")).isEqualTo("hello");
        }
    }

    @Test
    void twoImports_underOneKeyVersion_makeOneKmsCall() {
        aws.moto().startRecording();
        try (ConfigurableApplicationContext app = Examples.start(config)) {
            assertThat(app.getBean(ExampleService.Secrets.class).api().key()).isEqualTo("k-123");
        }
        assertThat(aws.moto().recordedKmsCalls("Decrypt")).isEqualTo(1);
    }
}

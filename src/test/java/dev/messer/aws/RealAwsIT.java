package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.messer.aws.S3BlobStore;
import dev.messer.cli.CliRun;
import dev.messer.config.AwsSettings;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation scenario against a real AWS account, opt-in with {@code MESSER_IT_REAL_AWS=1}
 * (docs/aws.md lists the variables). Works in a fresh tier prefix and key name, and removes what
 * it wrote.
 */
@EnabledIfEnvironmentVariable(named = "MESSER_IT_REAL_AWS", matches = "1")
class RealAwsIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private String tier;
    private String keyName;
    private Path config;

    @BeforeEach
    void setUp() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("MESSER_IT_SECRETS_BUCKET", "MESSER_IT_KEYS_BUCKET", "MESSER_IT_MASTER_KEY",
                "AWS_REGION")) {
            if (variable(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            fail("MESSER_IT_REAL_AWS=1 needs " + String.join(", ", missing) + " (see docs/aws.md)");
        }
        String suffix = Long.toString(Math.abs(RANDOM.nextLong()), 36);
        tier = "messer-it-" + suffix;
        keyName = "messer-it-" + suffix;
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        Map<String, String> profile = new LinkedHashMap<>();
        profile.put("provider", "aws");
        profile.put("tier", tier);
        profile.put("master_key", variable("MESSER_IT_MASTER_KEY").orElseThrow());
        profile.put("region", variable("AWS_REGION").orElseThrow());
        profile.put("secrets_bucket", variable("MESSER_IT_SECRETS_BUCKET").orElseThrow());
        profile.put("keys_bucket", variable("MESSER_IT_KEYS_BUCKET").orElseThrow());
        variable("MESSER_IT_ROLE_ARN").ifPresent(arn -> profile.put("role_arn", arn));
        variable("MESSER_IT_MFA_SERIAL").ifPresent(serial -> profile.put("mfa_serial", serial));
        variable("MESSER_IT_SSE_KMS_KEY_ID").ifPresent(key -> profile.put("sse_kms_key_id", key));
        StringBuilder text = new StringBuilder("[profile aws]\n");
        profile.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        config = dir.resolve("messer.ini");
        Files.writeString(config, text.toString(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void removeWhatTheTestWrote() {
        AwsSettings settings = settings();
        try (AwsClientFactory clients = new AwsClientFactory(settings, new AwsEnvironment(env), serial ->
                variable("MESSER_MFA_TOKEN").orElseThrow())) {
            S3BlobStore secrets = new S3BlobStore(clients::s3, settings.secretsBucket().value(), "secrets_bucket",
                    Optional.empty());
            S3BlobStore keys = new S3BlobStore(clients::s3, settings.keysBucket().value(), "keys_bucket",
                    Optional.empty());
            secrets.list(tier + "/").forEach(secrets::delete);
            keys.list(keyName + "/").forEach(keys::delete);
        }
    }

    @Test
    void foundationScenario_runsOnARealAccount() {
        String c = config.toString();
        ok(run("encryption", "create", "aws", keyName, "-c", c));
        CliRun again = run("encryption", "create", "aws", keyName, "-c", c);
        assertThat(again.exit()).as(again.toString()).isEqualTo(1);
        assertThat(ok(run("encryption", "list", "aws", keyName, "-c", c)).out().lines()).containsExactly("0");

        ok(run("data", "bag", "create", "aws", "payments", "-c", c));
        Path item = write("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        ok(run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", keyName, "-c", c));
        CliRun noForce = run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file",
                keyName, "-c", c);
        assertThat(noForce.exit()).as(noForce.toString()).isEqualTo(1);
        assertThat(ok(run("data", "bag", "show", "aws", "payments", "-c", c)).out().lines()).containsExactly("db");
        assertThat(ok(run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", c)).out())
                .contains("\"password\":\"s3cret\"");

        ok(run("encryption", "increment", "aws", keyName, "-c", c));
        Path changed = write("db2.json", "{\"id\": \"db\", \"password\": \"n3w\"}");
        ok(run("data", "bag", "from", "file", "aws", "payments", changed.toString(), "--secret-file", keyName,
                "--force", "-c", c));
        assertThat(ok(run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", c)).out())
                .contains("\"password\":\"n3w\"").contains("\"key_version\":1");

        ok(run("data", "bag", "delete", "aws", "payments", "db", "-c", c));
        ok(run("data", "bag", "delete", "aws", "payments", "-c", c));
        ok(run("encryption", "delete", "aws", keyName, "--no-prompt", "-c", c));
        assertThat(ok(run("data", "bag", "show", "aws", "-c", c)).out()).isEmpty();
    }

    private CliRun run(String... args) {
        return CliRun.run(Map.copyOf(env), args);
    }

    private AwsSettings settings() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, variable("AWS_REGION").orElseThrow());
        values.put(Setting.SECRETS_BUCKET, variable("MESSER_IT_SECRETS_BUCKET").orElseThrow());
        values.put(Setting.KEYS_BUCKET, variable("MESSER_IT_KEYS_BUCKET").orElseThrow());
        variable("MESSER_IT_ROLE_ARN").ifPresent(arn -> values.put(Setting.ROLE_ARN, arn));
        variable("MESSER_IT_MFA_SERIAL").ifPresent(serial -> values.put(Setting.MFA_SERIAL, serial));
        return Settings.of(Provider.AWS, values).aws();
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}

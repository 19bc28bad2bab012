package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Someone who may only write the secrets bucket puts terminal escape sequences in the id and the
 * key name of stored items: no command prints them raw on moto's S3 either.
 */
@MotoTest
class StoredLabelsAwsIT {

    private static final String HOSTILE = "x\u001b]0;OWNED\u0007\u001b[2J\u009b31m";

    @TempDir
    Path dir;
    private AwsFixture aws;
    private String config;

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
        config = aws.writeIni().toString();
        aws.s3().putBucketVersioning(r -> r.bucket(aws.secretsBucket()).versioningConfiguration(c -> c.status("Enabled")));
        aws.storePaymentsItem(config);
        plant("storedid", "id");
        plant("storedkey", "key_name");
    }

    /** Copies item db to {@code id} with {@code field} set to the hostile label. */
    private void plant(String id, String field) {
        JsonObject stored = JsonParser.parseString(new String(aws.object(aws.secretsBucket(), "dev/payments/db"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        stored.addProperty(field, HOSTILE);
        aws.s3().putObject(r -> r.bucket(aws.secretsBucket()).key("dev/payments/" + id),
                RequestBody.fromString(stored.toString()));
    }

    private static void assertTerminalSafe(CliRun run) {
        for (String stream : List.of(run.out(), run.err())) {
            stream.chars().filter(c -> c != '\n' && c != '\t').forEach(c -> assertThat(Character.getType(c))
                    .as("character U+%04X in%n%s", c, run).isNotEqualTo((int) Character.CONTROL));
        }
    }

    @Test
    void showDecrypt_exec_export_andHistory_neverPrintThePlantedLabelsRaw() {
        for (String id : List.of("storedid", "storedkey")) {
            for (List<String> command : List.of(
                    List.of("data", "bag", "show", "aws", "payments", id, "--decrypt"),
                    List.of("exec", "aws", "payments/" + id, "--", "true"),
                    List.of("export", "aws", "payments/db", "payments/" + id))) {
                CliRun run = aws.run(concat(command));
                assertThat(run.exit()).as(run.toString()).isEqualTo(1);
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).as(run.toString()).contains("payments/" + id).contains("\\x1b]0;OWNED\\x07");
                assertTerminalSafe(run);
            }
            CliRun history = ok(aws.run(concat(List.of("data", "bag", "history", "aws", "payments", id))));
            assertTerminalSafe(history);
            assertThat(history.out()).doesNotContain("OWNED");
        }
    }

    private String[] concat(List<String> command) {
        List<String> all = new java.util.ArrayList<>(command);
        int dashes = all.indexOf("--");
        all.addAll(dashes < 0 ? all.size() : dashes, List.of("-c", config));
        return all.toArray(String[]::new);
    }
}

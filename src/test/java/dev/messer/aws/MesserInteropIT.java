package dev.messer.aws;

import static dev.messer.aws.AwsCommandsIT.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both directions of compatibility with Adobe's Messer 2.0.13, through a Python script that
 * follows Messer's algorithm with boto3 and cryptography against the same moto server.
 */
@MotoTest
class MesserInteropIT {

    private static final String SCRIPT = "/messer-interop/messer_2_0_13.py";

    @TempDir
    Path dir;
    private AwsFixture aws;

    @BeforeAll
    static void requirePythonLibraries() throws Exception {
        Process check = new ProcessBuilder("python3", "-c", "import boto3, cryptography").redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean available = check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        if (!available) {
            String message = "python3 with boto3 and cryptography is needed for the Messer interoperability tests ("
                    + output.strip() + "); install them with: pip install boto3 cryptography";
            if (MotoServer.required()) {
                fail(message);
            }
            System.err.println("*** SKIPPED: " + message);
            assumeTrue(false, message);
        }
    }

    @BeforeEach
    void setUp() {
        aws = AwsFixture.create(dir);
    }

    @ParameterizedTest(name = "key_version as {0}")
    @ValueSource(strings = {"int", "string", "latest"})
    void messerWrittenItem_decryptsWithAMesser2Ini(String keyVersionStyle) {
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\", \"port\": 5432}");
        python("write", "--bag", "payments", "--tier", AwsFixture.TIER, "--item-file", item.toString(),
                "--key-version-style", keyVersionStyle);
        String config = messer2Ini("").toString();

        CliRun run = aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);

        JsonObject shown = JsonParser.parseString(ok(run).out()).getAsJsonObject();
        assertThat(shown.get("id").getAsString()).isEqualTo("db");
        assertThat(shown.get("password").getAsString()).isEqualTo("s3cret");
        assertThat(shown.get("port").getAsInt()).isEqualTo(5432);
        assertThat(shown.get("key_name").getAsString()).isEqualTo("app");
        assertThat(shown.has("encrypted_data")).isFalse();
    }

    @Test
    void messerWrittenItem_decryptsWithThePackagedJar() throws Exception {
        Path jar = Path.of("target", "messer.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar; the integration tests run after 'package'").isRegularFile();
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        python("write", "--bag", "payments", "--tier", AwsFixture.TIER, "--item-file", item.toString());
        String config = messer2Ini("").toString();

        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("MESSER_"));
        builder.environment().putAll(aws.env());
        builder.redirectError(dir.resolve("jar-stderr.txt").toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("jar-stderr.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(err).isZero();
        assertThat(err).as("the one warning that a format-1 item is not bound to its path (min_item_format = 1)")
                .startsWith("warning: item payments/db ").contains("item format 1").hasLineCount(1);
        JsonObject shown = JsonParser.parseString(out).getAsJsonObject();
        assertThat(shown.get("password").getAsString()).isEqualTo("s3cret");
    }

    @Test
    void messerWrittenData_isListedAndShown_withASecretsFolderAndAnUnusedContextSetting() {
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\"}");
        python("write", "--bag", "payments", "--tier", AwsFixture.TIER, "--folder", "secrets",
                "--item-file", item.toString());
        String config = messer2Ini("secrets_folder = secrets\nencryption_context = team=payments\n").toString();

        assertThat(ok(aws.run("encryption", "list", "aws", "-c", config)).out().lines()).containsExactly("app");
        assertThat(ok(aws.run("encryption", "list", "aws", "app", "-c", config)).out().lines()).containsExactly("0");
        assertThat(ok(aws.run("data", "bag", "show", "aws", "-c", config)).out().lines()).containsExactly("payments");
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "-c", config)).out().lines())
                .containsExactly("db");
        assertThat(ok(aws.run("data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config)).out())
                .contains("\"password\":\"s3cret\"");
    }

    @Test
    void itemFormat1_isReadByMessersAlgorithm() {
        String config = aws.writeIni(Map.of("item_format", "1", "encryption_context", "team=payments")).toString();
        ok(aws.run("encryption", "create", "aws", "app", "-c", config));
        ok(aws.run("encryption", "increment", "aws", "app", "-c", config));
        ok(aws.run("data", "bag", "create", "aws", "payments", "-c", config));
        Path item = aws.writeFile("db.json", "{\"id\": \"db\", \"password\": \"s3cret\", \"nested\": {\"a\": [1, 2]}}");
        ok(aws.run("data", "bag", "from", "file", "aws", "payments", item.toString(), "--secret-file", "app",
                "-c", config));

        String shown = python("read", "--bag", "payments", "--tier", AwsFixture.TIER, "--item", "db");

        JsonObject item2 = JsonParser.parseString(shown).getAsJsonObject();
        assertThat(item2.get("password").getAsString()).isEqualTo("s3cret");
        assertThat(item2.getAsJsonObject("nested").getAsJsonArray("a")).hasSize(2);
        assertThat(item2.get("key_version").getAsInt()).isEqualTo(1);
    }

    @Test
    void defaultItemFormat_isNotReadableByMessersAlgorithm() {
        String config = aws.writeIni().toString();
        aws.storePaymentsItem(config);

        PythonRun run = runPython("read", "--bag", "payments", "--tier", AwsFixture.TIER, "--item", "db");

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("InvalidCiphertextException");
    }

    private Path messer2Ini(String extraAws) {
        return aws.writeFile("messer2.ini", "[messer]\n"
                + "master_key = " + aws.masterKey() + "\n"
                + "tier = " + AwsFixture.TIER + "\n"
                + "silent =\n\n"
                + "[aws]\n"
                + "secrets_bucket = " + aws.secretsBucket() + "\n"
                + "keys_bucket = " + aws.keysBucket() + "\n"
                + "role_arn =\n"
                + "role_session_name =\n"
                + "aws_profile =\n"
                + (extraAws.contains("encryption_context") ? "" : "encryption_context =\n")
                + "region = " + MotoServer.REGION + "\n"
                + (extraAws.contains("secrets_folder") ? "" : "secrets_folder =\n")
                + "endpoint_url = " + aws.moto().endpoint() + "\n"
                + "path_style = true\n"
                + extraAws
                + "\n[azure]\nazure_client_id =\n");
    }

    private String python(String... args) {
        PythonRun run = runPython(args);
        assertThat(run.exit()).as(run.output()).isZero();
        return run.stdout();
    }

    private PythonRun runPython(String... args) {
        List<String> command = new ArrayList<>(List.of("python3", script().toString(), args[0],
                "--endpoint-url", aws.moto().endpoint().toString(), "--region", MotoServer.REGION,
                "--secrets-bucket", aws.secretsBucket(), "--keys-bucket", aws.keysBucket(),
                "--master-key", aws.masterKey()));
        command.addAll(List.of(args).subList(1, args.length));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("AWS_ACCESS_KEY_ID", MotoServer.ACCESS_KEY);
            builder.environment().put("AWS_SECRET_ACCESS_KEY", MotoServer.SECRET_KEY);
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            builder.environment().put("HOME", dir.toString());
            Path stderr = dir.resolve("python-stderr.txt");
            builder.redirectError(stderr.toFile());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the Messer interop script did not finish in 120 s");
            }
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            return new PythonRun(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path script() {
        try {
            return Path.of(MesserInteropIT.class.getResource(SCRIPT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record PythonRun(int exit, String stdout, String stderr) {
        String output() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}

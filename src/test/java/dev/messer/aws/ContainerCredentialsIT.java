package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container and pod credentials (ECS, EKS Pod Identity) and the EC2 instance profile, which the AWS
 * SDK reads from the process environment: messer runs as a child process with
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE}, or
 * {@code AWS_EC2_METADATA_SERVICE_ENDPOINT}, at a loopback server, and decrypts an item on moto.
 */
@MotoTest
class ContainerCredentialsIT {

    private static final String POD_TOKEN = "pod-identity-token-1";

    @TempDir
    Path dir;
    private AwsFixture aws;
    private Path config;
    private HttpServer agent;
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws IOException {
        aws = AwsFixture.create(dir);
        config = aws.writeIni();
        aws.storePaymentsItem(config.toString());
        agent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext("/v1/credentials", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            boolean allowed = POD_TOKEN.equals(authorization);
            byte[] body = (allowed ? "{\"AccessKeyId\": \"ASIACONTAINER\", \"SecretAccessKey\": \"testing\", "
                    + "\"Token\": \"container-session\", \"Expiration\": \"" + Instant.now().plus(1, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS) + "\"}" : "{\"message\": \"invalid token\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(allowed ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            exchange.close();
        });
        agent.start();
    }

    @AfterEach
    void tearDown() {
        agent.stop(0);
    }

    private record Run(int exit, String out, String err) {
    }

    private Run runMesser(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.messer.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(aws.env());
        builder.environment().remove("AWS_ACCESS_KEY_ID");
        builder.environment().remove("AWS_SECRET_ACCESS_KEY");
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(extraEnv);
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("messer did not finish within 120 s");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void ec2InstanceProfile_fromTheMetadataService_decrypts() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        HttpServer imds = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        imds.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body;
            int status = 200;
            if (exchange.getRequestMethod().equals("PUT") && path.equals("/latest/api/token")) {
                body = "imds-session-token";
            } else if (!"imds-session-token".equals(exchange.getRequestHeaders().getFirst("x-aws-ec2-metadata-token"))) {
                status = 401;
                body = "";
            } else if (path.equals("/latest/meta-data/iam/security-credentials/")) {
                body = "messer-instance-role";
            } else if (path.equals("/latest/meta-data/iam/security-credentials/messer-instance-role")) {
                body = "{\"Code\": \"Success\", \"AccessKeyId\": \"ASIAINSTANCE\", \"SecretAccessKey\": \"testing\", "
                        + "\"Token\": \"instance-session\", \"Expiration\": \"" + Instant.now().plus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS) + "\"}";
            } else {
                status = 404;
                body = "";
            }
            seen.add(exchange.getRequestMethod() + " " + path);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
        });
        imds.start();
        try {
            Run run = runMesser(Map.of("AWS_EC2_METADATA_DISABLED", "false",
                            "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + imds.getAddress().getPort()),
                    "data", "bag", "show", "aws", "payments", "db", "--decrypt", "-c", config.toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("s3cret");
            assertThat(seen).contains("GET /latest/meta-data/iam/security-credentials/messer-instance-role");
        } finally {
            imds.stop(0);
        }
    }

    private Map<String, String> containerEnv(String tokenFileContent) {
        Path tokenFile = aws.writeFile("pod-token", tokenFileContent);
        return Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + agent.getAddress().getPort() + "/v1/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString());
    }

    @Test
    void podIdentity_fullUriAndTokenFile_decrypts() throws Exception {
        Run run = runMesser(containerEnv(POD_TOKEN), "data", "bag", "show", "aws", "payments", "db", "--decrypt",
                "-c", config.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("s3cret");
        assertThat(authorizations).isNotEmpty().allMatch(POD_TOKEN::equals);
    }

    @Test
    void containerEndpointRefusingTheToken_failsInOneLineNamingTheSource() throws Exception {
        Run run = runMesser(containerEnv("stale-token"), "data", "bag", "show", "aws", "payments", "db", "--decrypt",
                "-c", config.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("messer: cannot get AWS credentials from container credentials "
                        + "(AWS_CONTAINER_CREDENTIALS_FULL_URI http://127.0.0.1:")
                .contains("check that the container credentials endpoint runs and AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE) is set");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}

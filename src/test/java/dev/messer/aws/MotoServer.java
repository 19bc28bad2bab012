package dev.messer.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One {@code moto_server} per test JVM, on a free loopback port, started on first use and stopped
 * when the JVM exits. Also hands out admin SDK clients pointed at it, for setting up buckets and keys
 * and for inspecting what the tool wrote.
 */
public final class MotoServer {

    /** When "1", a missing or broken moto fails the AWS tests instead of skipping them. */
    public static final String REQUIRE_VARIABLE = "MESSER_REQUIRE_AWS_EMULATOR";
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "testing";
    public static final String SECRET_KEY = "testing";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Path recording;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private S3Client s3;
    private KmsClient kms;

    private MotoServer(Process process, URI endpoint, Path log, Path recording) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.recording = recording;
    }

    /** The server of this JVM, started on the first call. @throws IllegalStateException if it cannot start */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /** {@code moto_server} on the PATH, if there is one. */
    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Admin S3 client (path-style, dummy credentials). */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder().httpClient(http).region(Region.of(REGION)).endpointOverride(endpoint)
                    .forcePathStyle(true).credentialsProvider(credentials()).build();
        }
        return s3;
    }

    /** Admin KMS client. */
    public synchronized KmsClient kms() {
        if (kms == null) {
            kms = KmsClient.builder().httpClient(http).region(Region.of(REGION)).endpointOverride(endpoint)
                    .credentialsProvider(credentials()).build();
        }
        return kms;
    }

    /**
     * Starts moto's request recorder afresh: from now on, {@link #recordedKmsCalls} counts what
     * reached the server.
     */
    public void startRecording() {
        post("/moto-api/recorder/reset-recording");
        post("/moto-api/recorder/start-recording");
    }

    /** How many requests of the KMS action (for example {@code Decrypt}) moto received since {@link #startRecording}. */
    public long recordedKmsCalls(String action) {
        post("/moto-api/recorder/stop-recording");
        try {
            return Files.readAllLines(recording, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("\"TrentService." + action + "\"")).count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read moto's recording: " + e.getMessage(), e);
        }
    }

    private void post(String path) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                throw new IllegalStateException("moto answered " + status + " to " + path);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer " + path + ": " + e.getMessage(), e);
        }
    }

    /** A loopback port nothing listens on (for "endpoint unreachable" cases). */
    public static int closedPort() {
        return freePort();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    private static MotoServer start() {
        Path executable = executable().orElseThrow(() -> new IllegalStateException(
                "moto_server is not on the PATH; install it with: pip install 'moto[server]'"));
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            log.toFile().deleteOnExit();
            Path recording = Files.createTempFile("moto-recording-", ".jsonl");
            recording.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p",
                    String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONPATH", atomicPutsFolder());
            builder.environment().put("MOTO_RECORDER_FILEPATH", recording.toString());
            Process process = builder.start();
            MotoServer server = new MotoServer(process, endpoint, log, recording);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "moto-server-stop"));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + executable + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder holding sitecustomize.py, which makes moto decide racing conditional PutObject
     * calls atomically, as S3 does (see that file).
     */
    private static String atomicPutsFolder() {
        java.net.URL file = MotoServer.class.getResource("/moto/sitecustomize.py");
        if (file == null) {
            throw new IllegalStateException("moto/sitecustomize.py is missing from the test resources");
        }
        try {
            if (file.getProtocol().equals("file")) {
                return Path.of(file.toURI()).getParent().toString();
            }
            // inside the test jar (the Spring Boot projects in src/it): a private copy for moto to load
            Path folder = Files.createTempDirectory("moto-site-");
            folder.toFile().deleteOnExit();
            Path copy = folder.resolve("sitecustomize.py");
            try (java.io.InputStream in = file.openStream()) {
                Files.copy(in, copy);
            }
            copy.toFile().deleteOnExit();
            return folder.toString();
        } catch (java.net.URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot give moto its sitecustomize.py: " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with status " + process.exitValue()
                        + " before answering; its output: " + tail());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto_server", e);
            }
        }
        stop();
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT
                + "; its output: " + tail());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String tail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (kms != null) {
            kms.close();
        }
        http.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }
}

package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.completion.CompletionCommand;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer completion names}: the store's names for the completion script, cached, bounded, never asking. */
class CompletionNamesTest {

    @TempDir
    Path home;

    private CliSandbox sandbox() {
        return new CliSandbox(home);
    }

    private static List<String> lines(CliRun run) {
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run.out().lines().toList();
    }

    private Path cacheFolder() {
        return home.resolve("home/.cache/messer/completion");
    }

    private List<Path> cacheFiles() throws Exception {
        if (!Files.isDirectory(cacheFolder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheFolder())) {
            return files.toList();
        }
    }

    @Test
    void profiles_areTheProfilesOfTheNamedConfiguration_withoutInvalidNames() throws Exception {
        Path config = Files.writeString(home.resolve("team.ini"), """
                [profile dev]
                provider = local
                [profile prod]
                provider = aws
                [profile bad$name]
                provider = local
                """);

        assertThat(lines(sandbox().run("completion", "names", "profiles", "-c", config.toString())))
                .containsExactly("dev", "prod");
    }

    @Test
    void bagsAndItems_ofTheLocalStore_areListed() {
        CliSandbox cli = sandbox().withBag().upload("{\"id\":\"db\",\"password\":\"p\"}")
                .upload("{\"id\":\"api\",\"token\":\"t\"}");

        assertThat(lines(cli.run("completion", "names", "local"))).containsExactly("app");
        assertThat(lines(cli.run("completion", "names", "local", "app"))).containsExactlyInAnyOrder("db", "api");
    }

    @Test
    void missingConfiguration_printsNothing_andCreatesNoFile() {
        CliRun run = sandbox().run("completion", "names", "local");

        assertThat(lines(run)).isEmpty();
        assertThat(home.resolve("home/.config/messer/messer.ini")).doesNotExist();
    }

    @Test
    void unknownBagOrProvider_printsNothing_exitZero() {
        CliSandbox cli = sandbox().withBag();

        assertThat(lines(cli.run("completion", "names", "local", "nope"))).isEmpty();
        assertThat(lines(cli.run("completion", "names", "gcp"))).isEmpty();
        assertThat(lines(cli.run("completion", "names", "local", "../etc"))).isEmpty();
    }

    @Test
    void names_areCachedInPrivateFiles_reusedWithinAMinute_andRefreshedAfter() throws Exception {
        CliSandbox cli = sandbox().withBag().upload("{\"id\":\"db\",\"password\":\"p\"}");
        assertThat(lines(cli.run("completion", "names", "local", "app"))).containsExactly("db");
        List<Path> files = cacheFiles();
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheFolder()))).isEqualTo("rwx------");
        assertThat(files.get(0).getFileName().toString()).doesNotContain("app").doesNotContain("local");

        cli.upload("{\"id\":\"api\",\"token\":\"t\"}");
        assertThat(lines(cli.run("completion", "names", "local", "app"))).containsExactly("db");

        Files.setLastModifiedTime(files.get(0), FileTime.from(Instant.now().minusSeconds(61)));
        assertThat(lines(cli.run("completion", "names", "local", "app"))).containsExactlyInAnyOrder("db", "api");
    }

    @Test
    void cache_isKeyedByProfile() throws Exception {
        CliSandbox cli = sandbox().withBag();
        CliSandbox.expectOk(cli.run("configure", "local", "--profile", "other", "-m", "test", "-e", "dev"));
        lines(cli.run("completion", "names", "local"));
        assertThat(cacheFiles()).hasSize(1);

        lines(cli.run("completion", "names", "local", "--profile", "other"));
        assertThat(cacheFiles()).hasSize(2);
        cli.env.put("MESSER_PROFILE", "other");
        lines(cli.run("completion", "names", "local"));
        assertThat(cacheFiles()).as("MESSER_PROFILE selects the same profile as --profile").hasSize(2);
    }

    @Test
    void invalidNamesInTheCache_areNeverPrinted() throws Exception {
        CliSandbox cli = sandbox().withBag();
        lines(cli.run("completion", "names", "local"));
        Path file = cacheFiles().get(0);
        Files.writeString(file, "app\n$(reboot)\nwith space\n", StandardCharsets.UTF_8);

        assertThat(lines(cli.run("completion", "names", "local"))).containsExactly("app");
    }

    @Test
    void protectedLocalKey_isNeverUnlocked_andBagsAreStillListed() {
        CliSandbox cli = sandbox().withBag();
        cli.env.put("MESSER_PASSPHRASE", "correct horse battery");
        CliSandbox.expectOk(cli.run("configure", "local", "-m", "test", "-e", "dev", "--passphrase"));
        cli.env.remove("MESSER_PASSPHRASE");
        FakeTerminal terminal = FakeTerminal.answering("123456").secret("correct horse battery");

        CliRun run = cli.terminal(terminal).run("completion", "names", "local");

        assertThat(lines(run)).containsExactly("app");
        assertThat(terminal.prompts).as("no question").isEmpty();
    }

    @Test
    void roleWithMfa_andNoCachedSession_printsNothing_andNeverAsks() throws Exception {
        try (ServerSocket sts = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path config = awsConfig(sts.getLocalPort(), "role_arn = arn:aws:iam::123456789012:role/reader\n"
                    + "mfa_serial = arn:aws:iam::123456789012:mfa/me\n"
                    + "sts_endpoint_url = http://127.0.0.1:" + sts.getLocalPort() + "\n");
            CliSandbox cli = awsSandbox();
            FakeTerminal terminal = FakeTerminal.answering("123456").secret("correct horse battery");

            CliRun run = cli.terminal(terminal).run("completion", "names", "aws", "-c", config.toString());

            assertThat(lines(run)).isEmpty();
            assertThat(terminal.prompts).as("no question").isEmpty();
            assertThat(cacheFiles()).isEmpty();
        }
    }

    @Test
    void storeThatNeverAnswers_givesNoNames_afterTheTimeLimit() throws Exception {
        // the store accepts connections and never answers; the client's own read timeout (30 s) is
        // longer than the time limit, so only the limit can end the listing
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            CountDownLatch connected = new CountDownLatch(1);
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        connected.countDown();
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path config = awsConfig(silent.getLocalPort(), "");
            CommandTree tree = new CommandTree().add("completion", "completion",
                    () -> new CompletionCommand(Duration.ofSeconds(3)));

            CliRun run = CliRun.run(tree, awsSandbox().env, new byte[0], CliRun.noTerminal(), "completion", "names",
                    "aws", "-c", config.toString());

            assertThat(lines(run)).isEmpty();
            assertThat(connected.getCount()).as("the listing reached the silent store").isZero();
            assertThat(cacheFiles()).isEmpty();
        }
    }

    private CliSandbox awsSandbox() {
        CliSandbox cli = sandbox();
        cli.env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        cli.env.put("AWS_SECRET_ACCESS_KEY", "secret");
        cli.env.put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        cli.env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-aws-credentials").toString());
        return cli;
    }

    private Path awsConfig(int port, String extra) throws Exception {
        return Files.writeString(home.resolve("aws.ini"), "[messer]\n"
                + "provider = aws\n"
                + "tier = dev\n"
                + "master_key = test\n"
                + "region = us-east-1\n"
                + "secrets_bucket = secrets\n"
                + "keys_bucket = keys\n"
                + "endpoint_url = http://127.0.0.1:" + port + "\n"
                + "path_style = true\n"
                + "max_attempts = 1\n"
                + extra);
    }
}

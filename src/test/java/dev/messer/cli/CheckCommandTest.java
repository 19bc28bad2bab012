package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check local --require FILE}: a deploy gate that names every missing reference and prints no value. */
class CheckCommandTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
        cli.ok("configure", "local", "--tier", "prod");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "web");
        cli.ok("data", "bag", "from", "file", "local", "web", cli.write("db.json",
                "{\"id\": \"db\", \"password\": \"pw-value-1\", \"tls\": {\"cert\": \"cert-value-2\"}}").toString(),
                "--secret-file", "app");
    }

    @Test
    void everyReferenceFound_exit0_andNoValuePrinted() {
        Path manifest = cli.write("deploy.txt", "# what the deploy needs\nweb/db\n\nweb/db/password\nweb/db/tls/cert\n");

        CliRun result = cli.run("check", "local", "--require", manifest.toString());

        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly("ok       web/db", "ok       web/db/password", "ok       web/db/tls/cert");
        assertThat(result.out() + result.err()).doesNotContain("pw-value-1").doesNotContain("cert-value-2");
    }

    @Test
    void missingItemsAndFields_areEachNamed_exit1() {
        Path manifest = cli.write("deploy.json", "[\"web/db/password\", \"web/db/token\", \"web/cache\", \"ops/cron/key\"]");

        CliRun result = cli.run("check", "local", "--require", manifest.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.outLines()).hasSize(4);
        assertThat(result.outLines().get(0)).isEqualTo("ok       web/db/password");
        assertThat(result.outLines().get(1)).startsWith("missing  web/db/token: item web/db has no field 'token'");
        assertThat(result.outLines().get(2)).startsWith("missing  web/cache: ").contains("cache");
        assertThat(result.outLines().get(3)).startsWith("missing  ops/cron/key: ");
        assertThat(result.err()).contains("check: 1 of 4 references found; 3 missing or not decrypting.");
        assertThat(result.out() + result.err()).doesNotContain("pw-value-1");
    }

    @Test
    void anItemThatDoesNotDecrypt_isNamed_exit1() throws IOException {
        Path item = cli.localRoot().resolve("secrets/prod/web/db");
        String stored = Files.readString(item);
        Files.writeString(item, stored.replace("\"key_version\":0", "\"key_version\":5"), StandardCharsets.UTF_8);

        CliRun result = cli.run("check", "local", "--require", cli.write("m.txt", "web/db/password\n").toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).startsWith("missing  web/db/password: ");
    }

    @Test
    void manifestFromStdin_andBadManifests_exit2() {
        cli.stdin = "web/db/password\n".getBytes(StandardCharsets.UTF_8);
        assertThat(cli.run("check", "local", "--require", "-").exit()).isZero();

        assertThat(cli.run("check", "local").exit()).isEqualTo(2);
        assertThat(cli.run("check", "local", "--require", sandbox.resolve("none.txt").toString()).exit()).isEqualTo(2);
        CliRun bad = cli.run("check", "local", "--require", cli.write("bad.txt", "web\n").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'web' is not BAG/ITEM or BAG/ITEM/PATH");
        assertThat(cli.run("check", "local", "--require", cli.write("bad.json", "[1]").toString()).exit()).isEqualTo(2);
        assertThat(cli.run("check", "local", "--require", cli.write("empty.txt", "# nothing\n").toString()).exit())
                .isEqualTo(2);
    }
}

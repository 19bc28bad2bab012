package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line errors of {@code bulk sync}: each is one line, exit status 2, names the fix, and
 * comes before any request (the profiles point at an endpoint that does not answer).
 */
class BulkSyncCommandTest {

    @TempDir
    Path dir;

    private CliRun run(String profileText, String... args) throws Exception {
        CliSandbox sandbox = new CliSandbox(dir);
        Path config = dir.resolve("messer.ini");
        Files.writeString(config, profileText);
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "-c";
        all[args.length + 1] = config.toString();
        return sandbox.run(all);
    }

    private static final String REGIONS = "[profile aws]\nprovider = aws\ntier = dev\nregions = us-east-1 eu-west-1\n"
            + "master_key = k\nsecrets_bucket = sss-{region}\nkeys_bucket = kkk-{region}\n"
            + "endpoint_url = http://127.0.0.1:9\npath_style = true\n";

    private static void oneUsageLine(CliRun result, String... fragments) {
        assertThat(result.exit()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).contains(fragments);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aProfileWithoutRegions_isRefused_namingTheSetting() throws Exception {
        oneUsageLine(run("[profile aws]\nprovider = aws\ntier = dev\nregion = us-east-1\nmaster_key = k\n"
                + "secrets_bucket = sss\nkeys_bucket = kkk\nendpoint_url = http://127.0.0.1:9\n", "bulk", "sync", "aws",
                "--from", "us-east-1"), "'bulk sync' needs a profile with regions; add 'regions = us-east-1 OTHER_REGION...'");
    }

    @Test
    void aFromThatIsNotTheHomeRegion_isRefused_namingTheHomeRegion() throws Exception {
        oneUsageLine(run(REGIONS, "bulk", "sync", "aws", "--from", "eu-west-1"),
                "--from eu-west-1 is not the profile's home region us-east-1", "run it with --from us-east-1");
    }

    @Test
    void withoutFrom_isRefused() throws Exception {
        oneUsageLine(run(REGIONS, "bulk", "sync", "aws"), "'bulk sync' needs --from HOME");
    }

    @Test
    void local_isRefused_asAwsOnly() throws Exception {
        oneUsageLine(run("[profile local]\nprovider = local\ntier = dev\n", "bulk", "sync", "local", "--from", "x"),
                "'messer bulk sync' applies to aws only; a local profile has no regions");
    }
}

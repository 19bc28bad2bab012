package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line forgives small slips: --opt=value, typos, a missing --decrypt, a default CONFIG. */
class ForgivingCliTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"pw\"}");
    }

    @Test
    void optEqualsValue_worksForEveryOptionWithAValue() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "db", "--field=password",
                "--config=" + home.resolve("home/.config/messer/messer.ini"), "--profile=local");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("pw\n");
        CliRun flag = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrypt=true", "--silent=false");
        assertThat(flag.exit()).as(flag.toString()).isZero();
        assertThat(flag.out()).contains("\"pw\"");
    }

    @Test
    void mistypedCommand_getsDidYouMean_evenFromAnotherLevel() {
        CliRun nearby = sandbox.run("data", "bag", "shwo", "local");
        assertThat(nearby.exit()).isEqualTo(2);
        assertThat(nearby.err()).contains("did you mean 'messer data bag show'?").hasLineCount(1);
        CliRun top = sandbox.run("shwo");
        assertThat(top.err()).contains("did you mean 'messer data bag show'?");
        assertThat(sandbox.run("exce").err()).contains("did you mean 'messer exec'?");
    }

    @Test
    void mistypedOption_getsDidYouMean() {
        CliRun result = sandbox.run("data", "bag", "show", "local", "app", "db", "--decrpyt");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("unknown option '--decrpyt'").contains("did you mean '--decrypt'?")
                .hasLineCount(1);
        assertThat(sandbox.run("data", "bag", "show", "local", "--fromat=json").err()).contains("'--format'");
    }

    @Test
    void versionWords_printTheVersion() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}, {"version"}}) {
            CliRun result = sandbox.run(args);
            assertThat(result.exit()).isZero();
            assertThat(result.out()).startsWith("messer ");
        }
    }

    @Test
    void bulkCommands_defaultConfigToTheConfigurationInUse() {
        CliRun list = sandbox.run("bulk", "list", "local");
        assertThat(list.exit()).as(list.toString()).isZero();
        assertThat(list.out()).isEqualTo("app\n\tdb\n");
        CliRun reEncrypt = sandbox.run("bulk", "re-encrypt", "local", "--dry-run");
        assertThat(reEncrypt.exit()).as(reEncrypt.toString()).isZero();
        CliRun rotate = sandbox.run("bulk", "rotate-keys", "local", "--dry-run");
        assertThat(rotate.exit()).as(rotate.toString()).isZero();
    }

    @Test
    void missingItemFile_isReportedAsMissingArguments_notAsAMissingOption() {
        CliRun result = sandbox.run("data", "bag", "from", "file", "local", "app");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("missing arguments").doesNotContain("--secret-file]")
                .contains("usage: messer data bag from file").hasLineCount(1);
        CliRun noKey = sandbox.run("data", "bag", "from", "file", "local", "app", "x.json");
        assertThat(noKey.err()).contains("missing option --secret-file").hasLineCount(1);
    }

    @Test
    void parserMessages_areRewrittenIntoOneLineWithTheUsage() {
        CliRun noValue = sandbox.run("data", "bag", "show", "local", "app", "db", "--format");
        assertThat(noValue.exit()).isEqualTo(2);
        assertThat(noValue.err()).startsWith("messer: option --format needs a value; usage: messer data bag show")
                .hasLineCount(1);
        CliRun notNumber = sandbox.run("bulk", "re-encrypt", "local", "--parallel", "many");
        assertThat(notNumber.exit()).isEqualTo(2);
        assertThat(notNumber.err()).startsWith("messer: option --parallel needs a whole number, not 'many'; usage: "
                + "messer bulk re-encrypt").hasLineCount(1);
        CliRun twice = sandbox.run("policy", "aws");
        assertThat(twice.err()).contains("missing option --role").hasLineCount(1);
    }
}

package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version, usage errors, --silent, --debug and the exit statuses of docs/cli.md. */
class CliConventionsTest {

    @TempDir
    Path sandbox;

    CliSandbox cli;

    @BeforeEach
    void setUp() {
        cli = new CliSandbox(sandbox);
    }

    private static void collect(CommandTree.Node node, List<CommandTree.Node> into) {
        into.add(node);
        node.children().values().forEach(child -> collect(child, into));
    }

    private static List<String[]> everyCommandPath() {
        List<CommandTree.Node> nodes = new ArrayList<>();
        collect(CommandTree.standard().root(), nodes);
        List<String[]> paths = new ArrayList<>();
        for (CommandTree.Node node : nodes) {
            String path = node.path().substring("messer".length()).trim();
            paths.add(path.isEmpty() ? new String[0] : path.split(" "));
        }
        return paths;
    }

    private static String[] plus(String[] words, String... more) {
        String[] all = new String[words.length + more.length];
        System.arraycopy(words, 0, all, 0, words.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return all;
    }

    @Test
    void help_atEveryLevel_exits0_onStdout_andWritesNothing() {
        List<String[]> paths = everyCommandPath();
        assertThat(paths).hasSizeGreaterThan(14);
        for (String[] words : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                CliRun result = cli.run(plus(words, flag));
                String what = String.join(" ", words) + " " + flag;
                assertThat(result.exit()).as(what).isZero();
                assertThat(result.out()).as(what).isNotBlank();
                assertThat(result.err()).as(what).isEmpty();
            }
        }
        assertThat(sandbox.resolve("home")).doesNotExist();
    }

    @Test
    void groupHelp_listsTheCommandsBelow() {
        assertThat(cli.ok("--help").out()).contains("configure").contains("quickstart").contains("encryption")
                .contains("data").contains("--version");
        assertThat(cli.ok("encryption", "--help").out()).contains("create").contains("increment").contains("list")
                .contains("delete");
        assertThat(cli.ok("data", "bag", "-h").out()).contains("create").contains("from").contains("show")
                .contains("delete");
    }

    @Test
    void topLevelHelp_listsTheLauncherInstall_inTheCommandColumn() {
        List<String> lines = cli.ok("--help").out().lines().toList();
        String install = lines.stream().filter(l -> l.startsWith("  install ")).findFirst().orElseThrow();
        String configure = lines.stream().filter(l -> l.startsWith("  configure ")).findFirst().orElseThrow();
        assertThat(install).contains("Put messer on the PATH with its bash and zsh completion");
        assertThat(install.indexOf("Put messer")).isEqualTo(configure.indexOf("Write settings"));
        assertThat(cli.ok("data", "--help").out()).doesNotContain("install");
    }

    @Test
    void leafHelp_listsItsOptions_evenWhenARequiredOptionIsMissing() {
        CliRun result = cli.ok("data", "bag", "from", "file", "--help");
        assertThat(result.out()).contains("--secret-file").contains("--key-version").contains("--force")
                .contains("--profile").contains("--silent").contains("-c, --config");
        assertThat(cli.ok("encryption", "delete", "-h").out()).contains("--no-prompt");
        assertThat(cli.ok("configure", "aws", "--help").out()).contains("-m, --master-key")
                .contains("-e, --tier").contains("-p, --print").contains("-x, --encryption-context");
    }

    @Test
    void groupWithoutACommand_printsItsHelpOnStderr_exit2() {
        CliRun result = cli.run("data", "bag");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: messer data bag <command>");
        assertThat(cli.run().exit()).isEqualTo(2);
    }

    @Test
    void version_exits0() {
        assertThat(cli.ok("--version").out()).startsWith("messer ");
    }

    private void usageError(String expected, String... args) {
        CliRun result = cli.run(args);
        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).as(result.toString()).hasSize(1);
        assertThat(result.err()).startsWith("messer: ").contains(expected);
    }

    @Test
    void unknownCommand_exit2_oneLineListingTheCommands() {
        usageError("'nope' is not a command of 'messer'; commands: configure, quickstart, encryption, data", "nope");
        usageError("'nope' is not a command of 'messer data bag'; commands: create, from, show, delete",
                "data", "bag", "nope");
        usageError("(see 'messer encryption --help')", "encryption", "rotate");
        usageError("'--version' is not a command of 'messer data'", "data", "--version");
    }

    @Test
    void unknownOption_exit2_oneLine() {
        usageError("unknown option '--nope' for 'messer data bag show'", "data", "bag", "show", "local", "--nope");
        usageError("unknown option '-z' for 'messer encryption list'", "encryption", "list", "local", "-z");
        usageError("unknown option '--profle' for 'messer encryption list'; did you mean '--profile'?",
                "encryption", "list", "local", "--profle=dev");
    }

    @Test
    void optionWithoutItsValue_exit2() {
        usageError("option --profile needs a value; usage: messer data bag show", "data", "bag", "show", "local",
                "--profile");
    }

    @Test
    void namesAfterDoubleDash_mayStartWithADash() {
        cli.ok("configure", "local");
        cli.ok("data", "bag", "create", "local", "--", "-dash");
        assertThat(cli.ok("data", "bag", "show", "local").outLines()).containsExactly("-dash");
    }

    @Test
    void unknownProviderWord_exit2() {
        usageError("'gcp' is not a provider; use aws or local", "data", "bag", "show", "gcp");
        usageError("'azure' is not a provider", "configure", "azure");
    }

    @Test
    void wrongNumberOfWords_exit2_showsTheGrammar() {
        usageError("missing arguments; usage: messer data bag create aws|local BAG", "data", "bag", "create", "local");
        usageError("too many arguments; usage: messer encryption create aws|local KEY_NAME",
                "encryption", "create", "local", "a", "b");
        usageError("missing option --secret-file KEY_NAME; usage: messer data bag from file", "data", "bag", "from",
                "file", "local", "bag", "x.json");
    }

    @Test
    void usageErrors_writeNothing() {
        cli.run("data", "bag", "create", "local", "--nope");
        cli.run("nope");
        assertThat(sandbox.resolve("home")).doesNotExist();
    }

    @Test
    void badNames_onAFreshMachine_failBeforeTheConfigFileIsCreated() {
        String[][] commands = {
                {"data", "bag", "create", "local", ".."},
                {"data", "bag", "show", "local", "bag", "a/b"},
                {"data", "bag", "delete", "local", "../x"},
                {"data", "bag", "from", "file", "local", "bag", "item.json", "--secret-file", "k/y"},
                {"encryption", "create", "local", "."},
                {"encryption", "increment", "local", "a b"},
                {"encryption", "list", "local", ".."},
                {"encryption", "delete", "local", "..", "--no-prompt"}};
        for (String[] args : commands) {
            CliRun result = cli.run(args);
            assertThat(result.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(result.errLines()).singleElement().asString().contains("is not valid");
        }
        assertThat(sandbox.resolve("home")).doesNotExist();
    }

    @Test
    void silent_mutesProgress_butNotDataOrErrors() throws IOException {
        cli.ok("configure", "local");
        CliRun create = cli.ok("encryption", "create", "local", "app", "--silent");
        assertThat(create.err()).isEmpty();
        assertThat(create.out()).isEmpty();
        assertThat(cli.ok("data", "bag", "create", "local", "bag1", "--silent").err()).isEmpty();
        Path item = cli.write("db.json", "{\"id\": \"db\", \"password\": \"pw\"}");
        assertThat(cli.ok("data", "bag", "from", "file", "local", "bag1", item.toString(), "--secret-file", "app",
                "--silent").err()).isEmpty();

        CliRun shown = cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt", "--silent");
        assertThat(shown.out()).contains("\"password\":\"pw\"");
        assertThat(shown.err()).isEmpty();

        CliRun failed = cli.run("data", "bag", "show", "local", "nobag", "--silent");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.errLines()).hasSize(1).first().asString().contains("data bag nobag");
    }

    @Test
    void silentSetting_inTheProfileOrEnvironment_mutesProgress() throws IOException {
        cli.ok("configure", "local");
        Files.writeString(cli.configFile(), Files.readString(cli.configFile())
                .replace("master_key = default", "master_key = default\nsilent = true"));
        assertThat(cli.ok("encryption", "create", "local", "app").err()).isEmpty();

        cli.ok("configure", "local", "--profile", "loud", "-e", "loud");
        cli.env.put("MESSER_SILENT", "yes");
        assertThat(cli.ok("data", "bag", "create", "local", "b", "--profile", "loud").err()).isEmpty();
    }

    @Test
    void withoutDebug_anErrorHasNoStackTrace_withDebugItHas() {
        cli.ok("configure", "local");
        CliRun plain = cli.run("data", "bag", "show", "local", "nobag");
        assertThat(plain.errLines()).hasSize(1);
        assertThat(plain.err()).doesNotContain("\tat ").doesNotContain("NotFoundException");

        for (String[] args : new String[][] {
                {"data", "bag", "show", "local", "nobag", "--debug"},
                {"--debug", "data", "bag", "show", "local", "nobag"}}) {
            CliRun debug = cli.run(args);
            assertThat(debug.exit()).isEqualTo(1);
            assertThat(debug.out()).isEmpty();
            assertThat(debug.errLines().get(0)).isEqualTo(plain.errLines().get(0));
            assertThat(debug.err()).contains("dev.messer.error.NotFoundException").contains("\tat dev.messer.");
        }
    }

    @Test
    void debug_showsTheTraceOfUsageErrorsToo() {
        CliRun result = cli.run("data", "bag", "show", "gcp", "--debug");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("UsageException").contains("\tat ");
    }

    /** A command that fails in a way no domain code reports, with a message that must not be shown. */
    static final class BrokenCommand extends CommandBase {
        BrokenCommand() {
            super(Grammar.NONE);
        }

        @Override
        public int run(CommandContext context) {
            throw new IllegalStateException("internal detail: hunter2");
        }
    }

    @Test
    void unexpectedFailure_exit1_oneLineWithoutItsMessage_traceOnlyWithDebug() {
        CommandTree tree = new CommandTree().add("broken", "fails", BrokenCommand::new);

        CliRun plain = cli.run(tree, "broken");
        assertThat(plain.exit()).as(plain.toString()).isEqualTo(1);
        assertThat(plain.out()).isEmpty();
        assertThat(plain.errLines()).containsExactly(
                "messer: unexpected IllegalStateException; run again with --debug for details");

        CliRun debug = cli.run(tree, "broken", "--debug");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.errLines().get(0)).isEqualTo("messer: unexpected IllegalStateException");
        assertThat(debug.err()).contains("java.lang.IllegalStateException: internal detail").contains("\tat ");
    }

    @Test
    void decryptedItem_isExactlyOneJsonLineOnStdout() {
        cli.ok("configure", "local");
        cli.ok("encryption", "create", "local", "app");
        cli.ok("data", "bag", "create", "local", "bag1");
        cli.stdin = "{\"id\": \"db\", \"nested\": {\"a\": [1, 2]}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        cli.ok("data", "bag", "from", "file", "local", "bag1", "-", "--secret-file", "app");

        CliRun shown = cli.ok("data", "bag", "show", "local", "bag1", "db", "--decrypt");
        assertThat(shown.outLines()).containsExactly(
                "{\"id\":\"db\",\"key_name\":\"app\",\"key_version\":0,\"nested\":{\"a\":[1,2]}}");
    }

    @Test
    void exitCodes_followDesignSection2() {
        assertThat(ExitCodes.OK).isZero();
        assertThat(ExitCodes.FAILURE).isEqualTo(1);
        assertThat(ExitCodes.USAGE).isEqualTo(2);
        assertThat(ExitCodes.forException(new dev.messer.error.NotFoundException("x"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new dev.messer.error.IntegrityException("x"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new dev.messer.error.AccessDeniedException("x"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new dev.messer.error.AlreadyExistsException("x"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new dev.messer.error.InvalidInputException("x"))).isEqualTo(1);
        assertThat(ExitCodes.forException(new dev.messer.error.ConfigException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new UsageException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new dev.messer.names.Names.InvalidNameException("x"))).isEqualTo(2);
        assertThat(ExitCodes.forException(new IllegalStateException("x"))).isEqualTo(1);
    }

    @Test
    void environment_isTheOneGiven_notTheProcesses() {
        cli.env.put("MESSER_CONFIG", sandbox.resolve("elsewhere.ini").toString());
        CliRun result = cli.run("encryption", "list", "local");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("elsewhere.ini").contains("does not exist");
        assertThat(Map.copyOf(cli.env)).containsKey("HOME");
    }
}

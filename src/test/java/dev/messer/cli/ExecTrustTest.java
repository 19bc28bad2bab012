package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever can write an item must not take over the process that reads it: refused variable names
 * (LD_PRELOAD, PATH, ...) and messer's own secrets never reach an {@code exec} child or the editor.
 */
class ExecTrustTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag().upload("{\"id\":\"db\",\"password\":\"s3cr3t-Pa55\"}");
    }

    private CliRun exec(String... args) {
        List<String> all = new ArrayList<>(List.of("exec", "local"));
        all.addAll(List.of(args));
        return sandbox.run(all.toArray(String[]::new));
    }

    /** The environment the child saw, without what sh adds itself. */
    private Map<String, String> childEnvironment(String... execArgs) throws IOException {
        Path out = home.resolve("child.env");
        List<String> args = new ArrayList<>(List.of(execArgs));
        args.addAll(List.of("--", "sh", "-c", "env -0 > \"$0\"", out.toString()));
        CliRun result = exec(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : Files.readString(out).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && !List.of("PWD", "OLDPWD", "SHLVL", "_").contains(entry.substring(0, eq))) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    @Test
    void itemFieldLdPreload_neverPreloadsALibraryIntoTheChild() throws Exception {
        Path marker = home.resolve("preloaded");
        Path library = compilePreloadLibrary(marker);
        sandbox.upload("{\"id\":\"evil\",\"ld_preload\":\"" + library + "\"}");

        CliRun refused = exec("app/evil", "--", "true");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("field 'ld_preload' of item app/evil").contains("LD_PRELOAD").hasLineCount(1);
        assertThat(marker).doesNotExist();

        // the attack is real: allowing the name preloads the library
        assertThat(exec("app/evil", "--allow-var", "LD_PRELOAD", "--", "true").exit()).isZero();
        assertThat(marker).exists();
    }

    @Test
    void itemFieldPath_neverSteersCommandLookupInTheChild() throws IOException {
        Path evilBin = Files.createDirectory(home.resolve("evil-bin"));
        Path marker = home.resolve("hijacked");
        Path fakeId = evilBin.resolve("id");
        Files.writeString(fakeId, "#!/bin/sh\n: > '" + marker + "'\n");
        Files.setPosixFilePermissions(fakeId, PosixFilePermissions.fromString("rwx------"));
        sandbox.upload("{\"id\":\"evil\",\"path\":\"" + evilBin + "\",\"bash_env\":\"/x\"}");

        CliRun refused = exec("app/evil", "--", "sh", "-c", "id >/dev/null");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("field 'path' of item app/evil").contains("PATH").contains("--allow-var PATH");
        assertThat(marker).doesNotExist();

        CliRun prefixed = exec("app/evil", "--prefix", "APP_", "--", "sh", "-c", "id >/dev/null; test \"$APP_PATH\" = \"$0\"",
                evilBin.toString());
        assertThat(prefixed.exit()).as(prefixed.toString()).isZero();
        assertThat(marker).doesNotExist();

        assertThat(exec("app/evil", "--allow-var", "PATH", "--allow-var", "BASH_ENV", "--", "sh", "-c", "id >/dev/null")
                .exit()).isZero();
        assertThat(marker).as("the attack is real when allowed").exists();
    }

    @Test
    void itemFieldDbusAddress_neverStartsAProgramWhenTheChildTalksToTheBus() {
        requireTool("dbus-send", "MESSER_REQUIRE_DBUS");
        Path marker = home.resolve("bus-ran");
        sandbox.upload("{\"id\":\"bus\",\"dbus_session_bus_address\":\"unixexec:path=/bin/sh,argv0=sh,argv1=-c,"
                + "argv2=touch%20" + marker + "\"}");
        String[] child = {"--", "sh", "-c", "dbus-send --session --reply-timeout=2000 --dest=org.example / "
                + "org.example.Ping >/dev/null 2>&1; true"};

        CliRun refused = exec(concat(new String[] {"app/bus"}, child));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("field 'dbus_session_bus_address' of item app/bus")
                .contains("DBUS_SESSION_BUS_ADDRESS").contains("(DBUS_*)").hasLineCount(1);
        assertThat(marker).doesNotExist();

        assertThat(exec(concat(new String[] {"app/bus", "--allow-var", "DBUS_SESSION_BUS_ADDRESS"}, child)).exit()).isZero();
        assertThat(marker).as("the attack is real when allowed").exists();
    }

    @Test
    void itemFieldFcedit_neverRunsACommandWhenTheChildShellEditsItsHistory() throws IOException {
        Path marker = home.resolve("fc-ran");
        Path evil = home.resolve("evil-editor");
        Files.writeString(evil, "#!/bin/sh\n: > '" + marker + "'\n");
        Files.setPosixFilePermissions(evil, PosixFilePermissions.fromString("rwx------"));
        Path script = Files.writeString(home.resolve("history.sh"), "set -o history\ntrue\nfc\n");
        sandbox.upload("{\"id\":\"fc\",\"fcedit\":\"" + evil + "\"}");
        String[] child = {"--", "sh", "-c", "HISTFILE=/dev/null bash -i \"$0\" </dev/null >/dev/null 2>&1; true",
                script.toString()};

        CliRun refused = exec(concat(new String[] {"app/fc"}, child));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("field 'fcedit' of item app/fc").contains("FCEDIT").hasLineCount(1);
        assertThat(marker).doesNotExist();

        assertThat(exec(concat(new String[] {"app/fc", "--allow-var", "FCEDIT"}, child)).exit()).isZero();
        assertThat(marker).as("the attack is real when allowed").exists();
    }

    private static String[] concat(String[] first, String[] second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }

    /** Skips the test when {@code tool} is not on the PATH, unless {@code requireSwitch=1} makes that a failure. */
    private static void requireTool(String tool, String requireSwitch) {
        boolean found = java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        if (!found) {
            assertThat("1".equals(System.getenv(requireSwitch))).as(tool + " is not on the PATH and " + requireSwitch
                    + "=1").isFalse();
            Assumptions.abort(tool + " is not on the PATH: this attack needs it (set " + requireSwitch + "=1 to fail)");
        }
    }

    @Test
    void prefixThatMakesARefusedName_isRefusedToo() {
        sandbox.upload("{\"id\":\"pre\",\"preload\":\"/x.so\"}");
        CliRun result = exec("app/pre", "--prefix", "LD_", "--", "true");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("LD_PRELOAD");
    }

    @Test
    void messersSecrets_neverReachTheChild_butAwsCredentialsDo() throws IOException {
        sandbox.env.put("MESSER_PASSPHRASE", "passphrase-of-the-master-key");
        sandbox.env.put("MESSER_MFA_TOKEN", "123456");
        sandbox.env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        sandbox.env.put("UNRELATED", "kept");
        Map<String, String> env = childEnvironment("app/db");
        assertThat(env).doesNotContainKeys("MESSER_PASSPHRASE", "MESSER_MFA_TOKEN")
                .containsEntry("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE").containsEntry("UNRELATED", "kept")
                .containsEntry("PASSWORD", "s3cr3t-Pa55");
    }

    @Test
    void pristine_givesOnlyTheItemVariablesAndAMinimalEnvironment() throws IOException {
        sandbox.env.putAll(Map.of("USER", "alice", "LOGNAME", "alice", "TERM", "xterm", "LANG", "C.UTF-8",
                "MESSER_PASSPHRASE", "pp", "AWS_SECRET_ACCESS_KEY", "aws-secret", "UNRELATED", "dropped"));
        Map<String, String> env = childEnvironment("app/db", "--pristine");
        assertThat(env).containsOnly(Map.entry("HOME", sandbox.home.toString()), Map.entry("USER", "alice"),
                Map.entry("LOGNAME", "alice"), Map.entry("TERM", "xterm"), Map.entry("LANG", "C.UTF-8"),
                Map.entry("PATH", "/usr/local/bin:/usr/bin:/bin"), Map.entry("PASSWORD", "s3cr3t-Pa55"));
    }

    @Test
    void pristine_stillRefusesDangerousNames() {
        sandbox.upload("{\"id\":\"evil\",\"java_tool_options\":\"-javaagent:/x.jar\"}");
        CliRun result = exec("app/evil", "--pristine", "--", "true");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("JAVA_TOOL_OPTIONS");
    }

    @Test
    void editor_neverSeesMessersSecrets() throws IOException {
        Path out = home.resolve("editor.env");
        Path editor = home.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nenv > '" + out + "'\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        sandbox.env.put("EDITOR", editor.toString());
        sandbox.env.put("MESSER_PASSPHRASE", "passphrase-of-the-master-key");
        sandbox.env.put("MESSER_MFA_TOKEN", "123456");
        sandbox.env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        CliRun result = sandbox.run("data", "bag", "edit", "local", "app", "db");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(Files.readString(out)).doesNotContain("MESSER_PASSPHRASE").doesNotContain("passphrase-of-the-master-key")
                .doesNotContain("MESSER_MFA_TOKEN").contains("AWS_ACCESS_KEY_ID=AKIDEXAMPLE");
    }

    private Path compilePreloadLibrary(Path marker) throws IOException, InterruptedException {
        Path source = Files.writeString(home.resolve("preload.c"), "#include <stdio.h>\n"
                + "__attribute__((constructor)) static void ran(void) { FILE *f = fopen(\"" + marker + "\", \"w\");"
                + " if (f) fclose(f); }\n");
        Path library = home.resolve("preload.so");
        requireTool("cc", "MESSER_REQUIRE_CC");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-o", library.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(cc.getInputStream().readAllBytes());
        assertThat(cc.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cc.exitValue()).as(log).isZero();
        return library;
    }
}

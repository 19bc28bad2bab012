package dev.messer.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every name bash knows, and ordinary ones, through the real launcher code and a real bash: when
 * {@link HandoffPlan} accepts an environment, the command the launcher becomes starts with exactly
 * that environment. Each name is tried as an item variable, inherited unchanged, inherited and
 * changed, and inherited but left out by --pristine. The environment the plan starts from is the
 * one a JVM started by the same launcher sees.
 */
class HandoffThroughBashTest {

    private static final String VALUE = "value 1 * ? ~ \\ \t ' \" ; | & < > {a,b} $HOME\nsecond line=";

    @TempDir
    Path temp;

    private final Map<String, String> base = Map.of("PATH", System.getenv("PATH"), "HOME", "/nonexistent-home",
            "LANG", "C", "TERM", "dumb");

    @Test
    void everyEnvironmentThePlanAccepts_reachesTheCommandExactly() throws IOException {
        TreeSet<String> names = new TreeSet<>(bashVariableNames());
        names.addAll(HandoffPlan.REWRITTEN);
        names.addAll(HandoffPlan.BASH_OWN);
        names.addAll(HandoffPlan.NOT_REMOVABLE);
        List<String> ordinary = List.of("PASSWORD", "DB_USER", "lower_case", "HOME", "PATH", "LANG", "LC_ALL", "TERM",
                "TMPDIR", "SHELL", "USER", "MAIL");
        names.addAll(ordinary);
        names.addAll(List.of("a-b", "1X", "A.B", "messer_handoff_entries"));
        List<String> handedOver = new ArrayList<>();
        List<String> keptInTheJvm = new ArrayList<>();
        Map<String, String> viewOfBase = viewOf(base);
        for (String name : names) {
            // an item variable the launcher did not have
            check(name + " from an item", viewOfBase, with(ChildEnvironment.inherited(exports(viewOfBase)), name, VALUE),
                    base, handedOver, keptInTheJvm);
            Map<String, String> inheriting = with(base, name, VALUE);
            Map<String, String> view = viewOf(inheriting);
            Map<String, String> exports = exports(view);
            check(name + " inherited", view, ChildEnvironment.inherited(exports), inheriting, handedOver, keptInTheJvm);
            check(name + " inherited, then changed", view, with(ChildEnvironment.inherited(exports), name, "other"),
                    inheriting, handedOver, keptInTheJvm);
            check(name + " inherited, left out by --pristine", view,
                    with(ChildEnvironment.pristine(exports), "PASSWORD", VALUE), inheriting, handedOver, keptInTheJvm);
        }
        // Not vacuous: ordinary names are handed over in every case, and the names bash changes were caught.
        for (String name : ordinary) {
            assertThat(handedOver).as(name).contains(name + " from an item", name + " inherited",
                    name + " inherited, then changed", name + " inherited, left out by --pristine");
        }
        assertThat(keptInTheJvm).contains("RANDOM from an item", "SHLVL from an item", "UID from an item",
                "a-b inherited, left out by --pristine", "EUID inherited, left out by --pristine");
        assertThat(handedOver).contains("PASSWORD from an item", "a-b inherited", "PATH inherited, left out by --pristine");
    }

    /**
     * When the plan from the JVM's VIEW to the CHILD environment is possible, hands it over to a
     * launcher started with STARTED, and checks that the command got exactly CHILD.
     */
    private void check(String what, Map<String, String> view, Map<String, String> child, Map<String, String> started,
            List<String> handedOver, List<String> keptInTheJvm) throws IOException {
        HandoffPlan plan = HandoffPlan.between(exports(view), child);
        if (!plan.possible()) {
            keptInTheJvm.add(what);
            return;
        }
        handedOver.add(what);
        Path stream = stream(plan);
        LauncherScript.Run run = LauncherScript.run(started, LauncherScript.writingJvm(stream, ""));
        assertThat(run.status()).as(what + ": " + run).isZero();
        assertThat(run.environment()).as(what).isEqualTo(child);
    }

    private Path stream(HandoffPlan plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LauncherHandoff.write(out, LauncherScript.ENV, List.of("env", "-0"), plan, StandardCharsets.UTF_8);
        return Files.write(Files.createTempFile(temp, "stream", ""), out.toByteArray());
    }

    /** The environment a JVM started by a launcher with ENVIRONMENT sees. */
    private static Map<String, String> viewOf(Map<String, String> environment) {
        LauncherScript.Run run = LauncherScript.run(environment, LauncherScript.printingJvm());
        assertThat(run.status()).as("launcher with " + environment.keySet() + ": " + run).isZero();
        Map<String, String> view = run.environment();
        assertThat(view).containsKey(LauncherHandoff.DESCRIPTOR_VARIABLE);
        return view;
    }

    private static Map<String, String> exports(Map<String, String> view) {
        return LauncherHandoff.launcherExports(view);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    /** Every variable a plain bash defines. */
    private List<String> bashVariableNames() {
        LauncherScript.Run run = LauncherScript.run(base, List.of(LauncherScript.BASH, "-c", "compgen -v | tr '\\n' '\\0'"));
        assertThat(run.status()).as(run.toString()).isZero();
        List<String> names = new ArrayList<>();
        for (String name : new String(run.out(), StandardCharsets.UTF_8).split("\0")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        assertThat(names).contains("BASH_VERSION", "RANDOM", "SHLVL");
        return names;
    }
}

package dev.messer.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the launcher changes before it becomes the command, and which names keep the JVM as the
 * command's parent. (That the names accepted pass through the real bash unchanged is
 * {@link HandoffThroughBashTest}.)
 */
class HandoffPlanTest {

    private static final Map<String, String> LAUNCHER = Map.of("HOME", "/home/u", "PATH", "/usr/bin:/bin",
            "SHLVL", "1", "PWD", "/work", "AWS_PROFILE", "dev");

    private static Map<String, String> plus(Map<String, String> base, String... pairs) {
        Map<String, String> env = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void keepEnv_exportsOnlyTheItemVariables_andRemovesNothing() {
        HandoffPlan plan = HandoffPlan.between(LAUNCHER, plus(LAUNCHER, "PASSWORD", "s3cr3t", "HOME", "/home/u"));
        assertThat(plan.possible()).isTrue();
        assertThat(plan.variables()).containsExactly(Map.entry("PASSWORD", "s3cr3t"));
        assertThat(plan.removals()).isEmpty();
    }

    @Test
    void itemVariableThatChangesAnInheritedOne_isExportedWithItsValue() {
        HandoffPlan plan = HandoffPlan.between(LAUNCHER, plus(LAUNCHER, "AWS_PROFILE", "prod"));
        assertThat(plan.variables()).containsExactly(Map.entry("AWS_PROFILE", "prod"));
    }

    @Test
    void pristine_removesEveryOtherExportedName() {
        Map<String, String> child = Map.of("HOME", "/home/u", "SHLVL", "1", "PATH", ChildEnvironment.PRISTINE_PATH,
                "PASSWORD", "s3cr3t");
        HandoffPlan plan = HandoffPlan.between(LAUNCHER, child);
        assertThat(plan.possible()).isTrue();
        assertThat(plan.removals()).containsExactlyInAnyOrder("PWD", "AWS_PROFILE");
        assertThat(plan.variables()).containsOnly(Map.entry("PATH", ChildEnvironment.PRISTINE_PATH),
                Map.entry("PASSWORD", "s3cr3t"));
    }

    @Test
    void namesBashRewritesOnItsOwn_keepTheJvm_fromAnItemOrInherited() {
        for (String name : List.of("RANDOM", "LINENO", "SECONDS", "BASHPID", "EPOCHREALTIME", "BASHOPTS")) {
            assertThat(HandoffPlan.between(LAUNCHER, plus(LAUNCHER, name, "42")).obstacle()).as(name)
                    .isEqualTo("bash gives " + name + " a value of its own");
            Map<String, String> inherited = plus(LAUNCHER, name, "42");
            assertThat(HandoffPlan.between(inherited, inherited).possible()).as(name).isFalse();
        }
    }

    @Test
    void namesBashOwnsOrRefuses_keepTheJvm_whenTheyWouldBeSet() {
        for (String name : List.of("UID", "PPID", "EUID", "SHLVL", "_", "OPTIND", "GROUPS")) {
            assertThat(HandoffPlan.between(LAUNCHER, plus(LAUNCHER, name, "77")).obstacle()).as(name)
                    .isEqualTo("bash would not pass " + name + " on with the value messer gives it");
        }
        // inherited and unchanged, they pass as bash passed them to the JVM
        Map<String, String> inherited = plus(LAUNCHER, "UID", "77");
        assertThat(HandoffPlan.between(inherited, inherited).possible()).isTrue();
    }

    @Test
    void namesBashCannotRemove_keepTheJvm_whenTheCommandMustNotGetThem() {
        for (String name : List.of("UID", "PPID", "EUID")) {
            Map<String, String> launcher = plus(LAUNCHER, name, "5");
            assertThat(HandoffPlan.between(launcher, Map.of("SHLVL", "1", "PASSWORD", "x")).obstacle()).as(name)
                    .isEqualTo("bash cannot remove " + name);
        }
        // bash's exec puts SHLVL back: --pristine keeps it for that reason (ChildEnvironment.PRISTINE_KEPT)
        assertThat(HandoffPlan.between(LAUNCHER, Map.of("PASSWORD", "x")).obstacle()).isEqualTo("bash cannot remove SHLVL");
        assertThat(HandoffPlan.between(LAUNCHER, ChildEnvironment.pristine(LAUNCHER)).possible()).isTrue();
    }

    @Test
    void nameThatIsNoIdentifier_passesUnchanged_butCannotBeRemovedOrSet() {
        Map<String, String> launcher = plus(LAUNCHER, "a-b", "1");
        assertThat(HandoffPlan.between(launcher, plus(launcher, "PASSWORD", "x")).possible()).isTrue();
        assertThat(HandoffPlan.between(launcher, Map.of("SHLVL", "1", "PASSWORD", "x")).obstacle())
                .isEqualTo("bash cannot remove the variable 'a-b', which is not a shell variable name");
        assertThat(HandoffPlan.between(launcher, plus(launcher, "a-b", "2")).obstacle())
                .isEqualTo("bash cannot set the variable 'a-b', which is not a shell variable name");
        assertThat(HandoffPlan.between(LAUNCHER, plus(LAUNCHER, "x\u001b]0;y", "2")).obstacle())
                .isEqualTo("bash cannot set the variable 'x\\x1b]0;y', which is not a shell variable name");
    }

    @Test
    void launchersOwnVariableNames_keepTheJvm() {
        assertThat(HandoffPlan.between(LAUNCHER, plus(LAUNCHER, "messer_handoff_i", "3")).obstacle())
                .isEqualTo("messer_handoff_i is a name the launcher uses for its own variables");
        Map<String, String> launcher = plus(LAUNCHER, "messer_handoff_in", "3");
        assertThat(HandoffPlan.between(launcher, launcher).possible()).isFalse();
    }
}

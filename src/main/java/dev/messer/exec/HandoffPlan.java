package dev.messer.exec;

import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What bin/messer must change in its own exported variables so that the command it becomes with
 * bash's {@code exec} starts with exactly the environment messer built, or why it cannot. The
 * launcher's exported variables are those this JVM started with (it ran the JVM with them);
 * a name whose value is already right is left alone, a name the command must not get is removed,
 * and a new or changed one is exported.
 *
 * <p>bash changes some names on the way, and the plan then says why it cannot be followed (the
 * JVM runs the command as its child instead):
 * <ul>
 * <li>a name bash rewrites on its own each time it is read or a command starts ({@code RANDOM},
 *     {@code LINENO}, {@code SECONDS}, {@code BASHOPTS}, which follows the launcher's own options,
 *     {@code BASH_REMATCH}, which its pattern tests set, ...), wherever it comes from;</li>
 * <li>a name bash assigns, refuses or treats as its own ({@code SHLVL}, which {@code exec} lowers by
 *     one; readonly {@code UID}, {@code PPID}; {@code _}; ...), when it would have to be exported
 *     with another value;</li>
 * <li>a name that is not an identifier ({@code a-b}), which bash passes on but can neither set nor
 *     remove, unless it passes unchanged;</li>
 * <li>a name bash cannot remove ({@code SHLVL}, which {@code exec} creates again, the readonly
 *     ones, and those it rewrites), when the command must not get it;</li>
 * <li>a name of the launcher's own variables ({@code messer_handoff_*}).</li>
 * </ul>
 * The lists follow bash 5's manual ("Shell Variables") and what bash 5 does
 * ({@code HandoffThroughBashTest} passes every variable bash knows through the real launcher code).
 */
public record HandoffPlan(List<String> removals, Map<String, String> variables, String obstacle) {

    /** Names bash gives a new value on its own, even when nobody assigns them. */
    static final Set<String> REWRITTEN = Set.of("RANDOM", "SRANDOM", "LINENO", "SECONDS", "EPOCHSECONDS",
            "EPOCHREALTIME", "BASHPID", "BASH_MONOSECONDS", "HISTCMD", "BASH_COMMAND", "BASH_SUBSHELL",
            "BASH_LINENO", "BASH_SOURCE", "FUNCNAME", "BASH_ARGC", "BASH_ARGV", "BASH_ARGV0", "BASH_TRAPSIG",
            "BASHOPTS", "SHELLOPTS", "BASH_REMATCH", "PIPESTATUS");

    /**
     * Names bash assigns, refuses, or reads to change how the launcher itself runs: never exported
     * with a new value.
     */
    static final Set<String> BASH_OWN = Set.of("_", "SHLVL", "UID", "EUID", "PPID", "GROUPS", "BASH_VERSINFO", "BASH_VERSION", "BASH", "BASH_ALIASES", "BASH_CMDS",
            "BASH_EXECUTION_STRING", "BASH_COMPAT", "BASH_XTRACEFD", "BASH_ENV", "BASH_LOADABLES_PATH",
            "DIRSTACK", "OPTIND", "OPTERR", "OPTARG", "COMP_WORDBREAKS", "COMP_CWORD", "COMP_LINE",
            "COMP_POINT", "COMP_TYPE", "COMP_KEY", "COMP_WORDS", "COPROC", "MAPFILE", "REPLY", "READLINE_LINE",
            "READLINE_POINT", "READLINE_MARK", "READLINE_ARGUMENT", "POSIXLY_CORRECT", "IFS", "TMOUT",
            "GLOBIGNORE", "GLOBSORT", "FIGNORE", "HISTFILE", "HISTSIZE", "HOSTFILE", "PS0", "PS1", "PS2", "PS3",
            "PS4", "TIMEFORMAT", "ENV", "CDPATH", "EXECIGNORE", "PROMPT_COMMAND", "PROMPT_DIRTRIM");

    /** Names bash cannot remove from the environment of the command it runs with exec. */
    static final Set<String> NOT_REMOVABLE = Set.of("_", "SHLVL", "UID", "EUID", "PPID", "BASHOPTS", "SHELLOPTS",
            "BASH_VERSINFO");

    /** The prefix of the launcher's own variables (bin/lib/exec-handoff.sh). */
    static final String LAUNCHER_PREFIX = "messer_handoff_";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public HandoffPlan {
        removals = List.copyOf(removals);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /**
     * @param launcher the variables the launcher exports (this JVM's environment, without what the
     *                 launcher gave the JVM alone)
     * @param child    the whole environment the command must start with
     */
    public static HandoffPlan between(Map<String, String> launcher, Map<String, String> child) {
        Set<String> all = new LinkedHashSet<>(launcher.keySet());
        all.addAll(child.keySet());
        for (String name : all) {
            if (name.startsWith(LAUNCHER_PREFIX)) {
                return refused(name + " is a name the launcher uses for its own variables");
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : child.entrySet()) {
            String name = entry.getKey();
            if (REWRITTEN.contains(name)) {
                return refused("bash gives " + name + " a value of its own");
            }
            if (entry.getValue().equals(launcher.get(name))) {
                continue;
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                return refused("bash cannot set " + printable(name) + ", which is not a shell variable name");
            }
            if (BASH_OWN.contains(name)) {
                return refused("bash would not pass " + name + " on with the value messer gives it");
            }
            variables.put(name, entry.getValue());
        }
        List<String> removals = new ArrayList<>();
        for (String name : launcher.keySet()) {
            if (child.containsKey(name)) {
                continue;
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                return refused("bash cannot remove " + printable(name) + ", which is not a shell variable name");
            }
            if (NOT_REMOVABLE.contains(name) || REWRITTEN.contains(name)) {
                return refused("bash cannot remove " + name);
            }
            removals.add(name);
        }
        return new HandoffPlan(removals, variables, null);
    }

    private static HandoffPlan refused(String obstacle) {
        return new HandoffPlan(List.of(), Map.of(), obstacle);
    }

    /** True when the launcher can give the command exactly the environment. */
    public boolean possible() {
        return obstacle == null;
    }

    /** A name for a message, escaped for a terminal and not longer than 64 characters. */
    private static String printable(String name) {
        return "the variable '" + Names.escaped(name.length() > 64 ? name.substring(0, 64) + "..." : name) + "'";
    }
}

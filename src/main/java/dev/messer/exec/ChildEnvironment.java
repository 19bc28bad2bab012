package dev.messer.exec;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a child of messer starts with ({@code exec}'s command, the editor of
 * {@code edit}, the {@code kill} that passes a signal on), and the command bin/messer runs in its
 * own process after the JVM handed it over ({@link LauncherHandoff}). The variables that carry messer's own
 * secrets, or say where to read them, never reach a child: with the passphrase, a child on
 * {@code local} could unwrap the master key and read every bag. (bin/messer keeps the values out of
 * every process's starting environment too; see the CLI's {@code SecretInputs}.) The caller's AWS
 * credentials do stay, because a deploy script usually needs them; {@link #pristine} leaves them
 * out too.
 */
public final class ChildEnvironment {

    /**
     * Every variable through which a secret reaches messer, or that says where to read one. A new one
     * must be added here.
     */
    public static final List<String> SECRET_VARIABLES = List.of("MESSER_PASSPHRASE", "MESSER_PASSPHRASE_FD",
            "MESSER_PASSPHRASE_FILE", "MESSER_MFA_TOKEN", "MESSER_MFA_TOKEN_FD");

    /** Set by bin/messer to 1 or 0: whether its stderr is a terminal, for the bulk progress line. */
    public static final String STDERR_TTY_VARIABLE = "MESSER_STDERR_TTY";

    /**
     * The variables by which bin/messer talks to its own JVM: never a child's business. (The launcher
     * removes a caller's before it starts; see {@link LauncherHandoff}.)
     */
    public static final List<String> LAUNCHER_VARIABLES = List.of(LauncherHandoff.DESCRIPTOR_VARIABLE,
            STDERR_TTY_VARIABLE);

    /**
     * The variables {@link #pristine} keeps from the caller. SHLVL is among them because bash gives it
     * to every command it starts, also to the one bin/messer becomes ({@link HandoffPlan}).
     */
    public static final List<String> PRISTINE_KEPT = List.of("HOME", "USER", "LOGNAME", "TERM", "LANG", "SHLVL");

    /** The command search path of a pristine child. */
    public static final String PRISTINE_PATH = "/usr/local/bin:/usr/bin:/bin";

    private ChildEnvironment() {
    }

    /** The caller's environment without messer's secrets and the launcher's own variables. */
    public static Map<String, String> inherited(Map<String, String> caller) {
        Map<String, String> env = new LinkedHashMap<>(caller);
        SECRET_VARIABLES.forEach(env::remove);
        LAUNCHER_VARIABLES.forEach(env::remove);
        return env;
    }

    /** Only HOME, USER, LOGNAME, TERM, LANG and SHLVL of the caller (those set), and a fixed PATH. */
    public static Map<String, String> pristine(Map<String, String> caller) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : PRISTINE_KEPT) {
            String value = caller.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("PATH", PRISTINE_PATH);
        return env;
    }

    /**
     * The encoding of environment strings: the one the JVM decodes its own environment with, so that
     * a text read from the environment and written back keeps its bytes.
     */
    public static Charset charset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}

package dev.messer.exec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a child of messer starts with ({@code exec}'s command, the editor of
 * {@code edit}, the {@code kill} that passes a signal on). The variables that carry messer's own
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

    /** The variables {@link #pristine} keeps from the caller. */
    public static final List<String> PRISTINE_KEPT = List.of("HOME", "USER", "LOGNAME", "TERM", "LANG");

    /** The command search path of a pristine child. */
    public static final String PRISTINE_PATH = "/usr/local/bin:/usr/bin:/bin";

    private ChildEnvironment() {
    }

    /** The caller's environment without messer's secrets. */
    public static Map<String, String> inherited(Map<String, String> caller) {
        Map<String, String> env = new LinkedHashMap<>(caller);
        SECRET_VARIABLES.forEach(env::remove);
        return env;
    }

    /** Only HOME, USER, LOGNAME, TERM and LANG of the caller (those set), and a fixed PATH. */
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
}

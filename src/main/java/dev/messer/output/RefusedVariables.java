package dev.messer.output;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The environment variable names that messer refuses to set from an item unless the user allows
 * them by name ({@code --allow-var}): names that steer the dynamic loader and C library, a shell,
 * an interpreter, the JVM, git, AWS, TLS trust and proxies, or messer itself. Whoever can write an
 * item must not be able to run code in, or redirect the traffic of, every process that reads it.
 * A name is matched without regard to case ({@code http_proxy} is read by curl as well). The list
 * is published in docs/security.md; a test keeps the two the same.
 */
public final class RefusedVariables {

    /** One entry: an exact name, or a prefix when it ends with {@code *}, and what it steers. */
    public record Rule(String pattern, String steers) {

        boolean matches(String upperName) {
            return pattern.endsWith("*") ? upperName.startsWith(pattern.substring(0, pattern.length() - 1))
                    : upperName.equals(pattern);
        }
    }

    private static final String LOADER = "the dynamic loader or the C library";
    private static final String SHELL = "the shell";
    private static final String RUNS = "a command that other programs run";
    private static final String INTERPRETER = "an interpreter";
    private static final String JVM = "the JVM";
    private static final String TLS = "TLS trust or proxies";
    private static final String TOOLS = "the credentials or target of a tool";
    private static final String MESSER = "messer itself";

    private static final List<Rule> RULES = List.of(
            // glibc drops these for set-user-ID programs (sysdeps/generic/unsecvars.h), plus macOS dyld
            new Rule("LD_*", LOADER), new Rule("DYLD_*", LOADER), new Rule("GCONV_PATH", LOADER),
            new Rule("GETCONF_DIR", LOADER), new Rule("GLIBC_TUNABLES", LOADER), new Rule("HOSTALIASES", LOADER),
            new Rule("LOCALDOMAIN", LOADER), new Rule("LOCPATH", LOADER), new Rule("MALLOC_*", LOADER),
            new Rule("NIS_PATH", LOADER), new Rule("NLSPATH", LOADER), new Rule("RESOLV_HOST_CONF", LOADER),
            new Rule("RES_OPTIONS", LOADER), new Rule("TMPDIR", LOADER), new Rule("TZDIR", LOADER),
            new Rule("PATH", SHELL), new Rule("HOME", SHELL), new Rule("SHELL", SHELL), new Rule("ENV", SHELL),
            new Rule("BASH_*", SHELL), new Rule("BASHOPTS", SHELL), new Rule("SHELLOPTS", SHELL),
            new Rule("IFS", SHELL), new Rule("CDPATH", SHELL), new Rule("GLOBIGNORE", SHELL),
            new Rule("PS0", SHELL), new Rule("PS1", SHELL), new Rule("PS2", SHELL), new Rule("PS3", SHELL),
            new Rule("PS4", SHELL), new Rule("PROMPT_COMMAND", SHELL), new Rule("ZDOTDIR", SHELL),
            new Rule("HISTFILE", SHELL),
            new Rule("EDITOR", RUNS), new Rule("VISUAL", RUNS), new Rule("PAGER", RUNS), new Rule("MANPAGER", RUNS),
            new Rule("LESSOPEN", RUNS), new Rule("LESSCLOSE", RUNS), new Rule("BROWSER", RUNS),
            new Rule("SSH_ASKPASS", RUNS), new Rule("SUDO_ASKPASS", RUNS), new Rule("MAKEFLAGS", RUNS),
            new Rule("PYTHON*", INTERPRETER), new Rule("PERL5*", INTERPRETER), new Rule("PERLLIB", INTERPRETER),
            new Rule("RUBYOPT", INTERPRETER), new Rule("RUBYLIB", INTERPRETER), new Rule("GEM_*", INTERPRETER),
            new Rule("BUNDLE_GEMFILE", INTERPRETER), new Rule("NODE_OPTIONS", INTERPRETER),
            new Rule("NODE_PATH", INTERPRETER), new Rule("NPM_CONFIG_*", INTERPRETER), new Rule("LUA_*", INTERPRETER),
            new Rule("PHPRC", INTERPRETER), new Rule("PHP_INI_SCAN_DIR", INTERPRETER), new Rule("GOFLAGS", INTERPRETER),
            new Rule("JAVA_TOOL_OPTIONS", JVM), new Rule("_JAVA_OPTIONS", JVM), new Rule("JDK_JAVA_OPTIONS", JVM),
            new Rule("JAVA_OPTS", JVM), new Rule("JAVA_HOME", JVM), new Rule("CLASSPATH", JVM),
            new Rule("MAVEN_OPTS", JVM), new Rule("GRADLE_OPTS", JVM),
            new Rule("SSL_CERT_FILE", TLS), new Rule("SSL_CERT_DIR", TLS), new Rule("CURL_CA_BUNDLE", TLS),
            new Rule("REQUESTS_CA_BUNDLE", TLS), new Rule("NODE_EXTRA_CA_CERTS", TLS),
            new Rule("NODE_TLS_REJECT_UNAUTHORIZED", TLS), new Rule("HTTP_PROXY", TLS), new Rule("HTTPS_PROXY", TLS),
            new Rule("ALL_PROXY", TLS), new Rule("NO_PROXY", TLS),
            new Rule("GIT_*", TOOLS), new Rule("AWS_*", TOOLS), new Rule("KUBECONFIG", TOOLS),
            new Rule("DOCKER_HOST", TOOLS), new Rule("DOCKER_CONFIG", TOOLS), new Rule("SSH_AUTH_SOCK", TOOLS),
            new Rule("GNUPGHOME", TOOLS),
            new Rule("MESSER_*", MESSER), new Rule("XDG_*", MESSER));

    private RefusedVariables() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule that refuses {@code name}, if any. */
    public static Optional<Rule> match(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return RULES.stream().filter(rule -> rule.matches(upper)).findFirst();
    }
}

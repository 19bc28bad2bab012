package dev.messer.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The environment variable names that messer refuses to set from an item unless they are allowed by
 * name ({@code --allow-var}, or an exact name in {@code allowed_variables}): names that steer the
 * dynamic loader and C library, a shell or terminal, a command other programs run, a compiler or
 * build tool, an interpreter, the JVM, a package tool's registry or token, TLS trust and proxies,
 * the credentials or endpoint of a cloud, secrets or other tool, or messer itself. Whoever can write
 * an item must not be able to run code in, or redirect the traffic or identity of, every process
 * that reads it. The list goes by families ({@code PIP_*}, {@code *_EDITOR}), because a list of
 * single names always trails the next one; {@code allowed_variables} is the answer to the names
 * no list knows. A name is matched without regard to case ({@code http_proxy} is read by curl as
 * well). The list is published in docs/security.md; a test keeps the two the same.
 */
public final class RefusedVariables {

    /** One entry: a {@link NamePattern} and what the names it matches steer. */
    public record Rule(NamePattern pattern, String steers) {
    }

    private static final String LOADER = "the dynamic loader or the C library";
    private static final String SHELL = "the shell or the terminal";
    private static final String RUNS = "a command that other programs run";
    private static final String BUILD = "a compiler or a build tool";
    private static final String INTERPRETER = "an interpreter or a runtime";
    private static final String JVM = "the JVM or its build tools";
    private static final String REGISTRY = "where a package tool downloads from, or the token it sends";
    private static final String TLS = "TLS trust or proxies";
    private static final String CLOUD = "the credentials or endpoint of a cloud or secrets client";
    private static final String TOOLS = "the credentials or target of a tool";
    private static final String MESSER = "messer itself";

    private static final List<Rule> RULES = rules(
            // glibc drops these for set-user-ID programs (sysdeps/generic/unsecvars.h), plus macOS dyld
            LOADER, "LD_* DYLD_* GCONV_PATH GETCONF_DIR GLIBC_TUNABLES HOSTALIASES LOCALDOMAIN LOCPATH MALLOC_* NIS_PATH "
                    + "NLSPATH RESOLV_HOST_CONF RES_OPTIONS TMPDIR TZDIR",
            SHELL, "PATH HOME SHELL ENV BASH_* BASHOPTS SHELLOPTS IFS CDPATH GLOBIGNORE PS0 PS1 PS2 PS3 PS4 "
                    + "PROMPT_COMMAND ZDOTDIR HISTFILE INPUTRC TERMINFO* TERMCAP",
            RUNS, "EDITOR *_EDITOR VISUAL FCEDIT CVSEDITOR HGEDITOR PAGER *_PAGER MANPAGER LESS* BROWSER *_ASKPASS "
                    + "*_RSH SVN_* HGRCPATH HGMERGE VIMINIT EXINIT PSQLRC DBUS_* SYSTEMD_* KUBECTL_*",
            BUILD, "CC CXX CPP LD CFLAGS CXXFLAGS CPPFLAGS LDFLAGS LDLIBS MAKEFLAGS MFLAGS GNUMAKEFLAGS MAKEFILES "
                    + "CGO_* PKG_CONFIG* CCACHE_* CMAKE_* RUSTC RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER RUSTDOC RUSTFLAGS "
                    + "RUSTDOCFLAGS GOFLAGS GOTOOLCHAIN GOENV GOROOT GOPATH GOBIN GOCACHE GOMODCACHE",
            INTERPRETER, "PYTHON* VIRTUAL_ENV PERL5* PERLLIB PERL_* RUBYOPT RUBYLIB NODE_OPTIONS NODE_PATH "
                    + "NODE_REPL_EXTERNAL_MODULE LUA_* PHPRC PHP_INI_SCAN_DIR R_PROFILE* R_ENVIRON* R_LIBS* TCLLIBPATH "
                    + "DOTNET_* CORECLR_* COMPLUS_*",
            JVM, "JAVA_TOOL_OPTIONS _JAVA_OPTIONS JDK_JAVA_OPTIONS JAVA_OPTS JAVA_HOME CLASSPATH MAVEN_* M2_HOME "
                    + "GRADLE_* ORG_GRADLE_* SBT_OPTS ANT_OPTS",
            REGISTRY, "NPM_* NODE_AUTH_TOKEN YARN_* PNPM_* BUN_* DENO_* PIP_* PIPENV_* UV_* POETRY_* TWINE_* CONDA_* "
                    + "CONDARC GEM_* GEMRC BUNDLE_* RUBYGEMS_* CARGO_* RUSTUP_* GOPROXY GONOPROXY GOSUMDB GONOSUMDB "
                    + "GOPRIVATE GOINSECURE GOVCS GOAUTH NUGET_* COMPOSER* HELM_* HOMEBREW_* TF_CLI_* TF_PLUGIN_* "
                    + "TF_TOKEN_*",
            TLS, "SSL_CERT_FILE SSL_CERT_DIR SSLKEYLOGFILE OPENSSL_* REQUESTS_CA_BUNDLE NODE_EXTRA_CA_CERTS "
                    + "NODE_TLS_REJECT_UNAUTHORIZED *_PROXY NO_PROXY",
            CLOUD, "AWS_* AZURE_* ARM_* GOOGLE_* GCLOUD_* CLOUDSDK_* GCE_METADATA_* ALIBABA_CLOUD_* ALICLOUD_* "
                    + "OCI_CLI_* IBMCLOUD_* DIGITALOCEAN_* VAULT_* CONSUL_HTTP_*",
            TOOLS, "GIT_* GH_* GITHUB_* KUBECONFIG DOCKER_HOST DOCKER_CONFIG DOCKER_CONTEXT DOCKER_CERT_PATH "
                    + "DOCKER_TLS_VERIFY CONTAINER_HOST CONTAINERS_* REGISTRY_AUTH_FILE BUILDKIT_HOST SSH_AUTH_SOCK "
                    + "GNUPGHOME KRB5* CURL_* WGETRC NETRC",
            MESSER, "MESSER_* XDG_*");

    private RefusedVariables() {
    }

    /** Pairs of what the names steer and the names, separated by spaces. */
    private static List<Rule> rules(String... groups) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < groups.length; i += 2) {
            for (String pattern : groups[i + 1].split(" ")) {
                rules.add(new Rule(NamePattern.of(pattern), groups[i]));
            }
        }
        return List.copyOf(rules);
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule that refuses {@code name}, if any. */
    public static Optional<Rule> match(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (rule.pattern().matchesUpper(upper)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}

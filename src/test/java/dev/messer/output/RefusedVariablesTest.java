package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RefusedVariablesTest {

    @Test
    void namesThatSteerALoaderShellInterpreterJvmGitAwsOrMesser_areRefused() {
        for (String name : List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "PATH", "BASH_ENV", "ENV",
                "IFS", "PS4", "PROMPT_COMMAND", "SHELLOPTS", "BASHOPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                "JDK_JAVA_OPTIONS", "NODE_OPTIONS", "PYTHONPATH", "PYTHONSTARTUP", "PERL5OPT", "PERL5LIB", "RUBYOPT",
                "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "AWS_ACCESS_KEY_ID", "AWS_ENDPOINT_URL", "MESSER_CONFIG",
                "MESSER_PASSPHRASE", "GCONV_PATH", "GLIBC_TUNABLES", "MALLOC_CHECK_", "SSL_CERT_FILE", "HTTPS_PROXY",
                "CLASSPATH", "LESSOPEN", "XDG_CONFIG_HOME", "KUBECONFIG", "MESSER_ALLOWED_VARIABLES")) {
            assertThat(RefusedVariables.match(name)).as(name).isPresent();
        }
    }

    /** Each name that was found to run code or redirect a tool while it was still accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"DBUS_SESSION_BUS_ADDRESS", "PIP_INDEX_URL", "RSYNC_RSH", "CVS_RSH", "SVN_SSH", "CC", "CXX",
            "LDFLAGS", "RUSTC_WRAPPER", "SUDO_EDITOR", "KUBE_EDITOR", "SYSTEMD_EDITOR", "FCEDIT", "SYSTEMD_PAGER",
            "PSQL_PAGER", "OPENSSL_CONF", "OPENSSL_ENGINES", "DOTNET_STARTUP_HOOKS", "CORECLR_PROFILER_PATH",
            "UV_INDEX_URL", "YARN_REGISTRY", "GOPROXY", "VAULT_ADDR", "GOOGLE_APPLICATION_CREDENTIALS",
            "CLOUDSDK_CONFIG", "KRB5_CONFIG", "TERMINFO", "CURL_HOME", "WGETRC"})
    void namesFoundToRunCodeOrRedirectATool_areRefused(String name) {
        assertThat(RefusedVariables.match(name)).as(name).isPresent();
        assertThat(RefusedVariables.match(name.toLowerCase(java.util.Locale.ROOT))).as(name).isPresent();
    }

    /** The families, each by a member that no list names one by one. */
    @ParameterizedTest
    @ValueSource(strings = {"DBUS_SYSTEM_BUS_ADDRESS", "FOO_RSH", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST",
            "UV_DEFAULT_INDEX", "CFLAGS", "CXXFLAGS", "CPPFLAGS", "RUSTFLAGS", "GIT_EDITOR", "ANY_TOOL_EDITOR",
            "BAT_PAGER", "DELTA_PAGER", "OPENSSL_MODULES", "DOTNET_ADDITIONAL_DEPS", "CORECLR_ENABLE_PROFILING",
            "COMPlus_EnableDiagnostics", "SOCKS5_PROXY", "RSYNC_PROXY", "GIT_ASKPASS", "TERMINFO_DIRS", "KRB5CCNAME",
            "CURL_CA_BUNDLE", "SSLKEYLOGFILE", "SVN_MERGE", "CGO_LDFLAGS", "PKG_CONFIG_PATH", "CMAKE_C_COMPILER_LAUNCHER"})
    void familiesMatchMembersNoListNames(String name) {
        assertThat(RefusedVariables.match(name)).as(name).isPresent();
    }

    /** Package registries and their tokens, cloud and secrets clients: what they point a tool at, or who it acts as. */
    @ParameterizedTest
    @ValueSource(strings = {"NPM_TOKEN", "NPM_CONFIG_REGISTRY", "NODE_AUTH_TOKEN", "YARN_NPM_REGISTRY_SERVER",
            "YARN_NPM_AUTH_TOKEN", "PNPM_HOME", "BUN_CONFIG_REGISTRY", "DENO_AUTH_TOKENS", "PIPENV_PYPI_MIRROR",
            "POETRY_REPOSITORIES_X_URL", "TWINE_REPOSITORY_URL", "CONDA_CHANNELS", "GEM_HOST_API_KEY", "GEMRC",
            "BUNDLE_MIRROR__HTTPS___RUBYGEMS__ORG", "BUNDLE_GEMFILE", "CARGO_REGISTRY_TOKEN",
            "CARGO_REGISTRIES_X_INDEX", "RUSTUP_DIST_SERVER", "GONOSUMDB", "GOPRIVATE", "GOINSECURE", "MAVEN_ARGS",
            "MAVEN_OPTS", "GRADLE_USER_HOME", "ORG_GRADLE_PROJECT_REPO", "NUGET_PLUGIN_PATHS", "COMPOSER_AUTH",
            "COMPOSER", "HELM_PLUGINS", "HOMEBREW_BOTTLE_DOMAIN", "TF_CLI_CONFIG_FILE", "TF_TOKEN_app_terraform_io",
            "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST", "ARM_CLIENT_SECRET", "GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT",
            "CLOUDSDK_PYTHON", "GCE_METADATA_HOST", "ALIBABA_CLOUD_ACCESS_KEY_ID", "OCI_CLI_CONFIG_FILE",
            "IBMCLOUD_API_KEY", "DIGITALOCEAN_ACCESS_TOKEN", "VAULT_TOKEN", "CONSUL_HTTP_ADDR", "GH_TOKEN",
            "GITHUB_TOKEN", "GITHUB_PATH", "DOCKER_HOST", "REGISTRY_AUTH_FILE"})
    void registriesAndCloudCredentials_areRefused(String name) {
        assertThat(RefusedVariables.match(name)).as(name).isPresent();
    }

    @Test
    void matching_ignoresCase_becauseSomeToolsReadLowerCaseNames() {
        assertThat(RefusedVariables.match("https_proxy")).isPresent();
        assertThat(RefusedVariables.match("Ld_Preload")).isPresent();
        assertThat(RefusedVariables.match("rsync_rsh")).isPresent();
    }

    @Test
    void ordinaryNames_andNamesThatOnlyContainARefusedOne_pass() {
        for (String name : List.of("PASSWORD", "DB_HOST", "APP_PATH", "MY_LD_PRELOAD", "PATHS", "ENVIRONMENT",
                "HOMEPAGE", "API_KEY", "USER", "_2FA", "PS5", "DB_PASSWORD", "DATABASE_URL", "REDIS_URL", "NODE_ENV",
                "PGHOST", "PGPASSWORD", "SECRET_KEY", "TF_VAR_DB_PASSWORD", "APP_EDITOR_URL", "CCX", "SMTP_PASSWORD",
                "RSH_HOST", "SENTRY_DSN", "STRIPE_API_KEY", "JWT_SECRET")) {
            assertThat(RefusedVariables.match(name)).as(name).isEmpty();
        }
    }

    /** The table of docs/security.md, row by row, is the list of the code, group by group. */
    @Test
    void securityDoc_tableIsTheList_groupByGroup() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        String section = doc.substring(doc.indexOf("### Variables that steer a process"));
        section = section.substring(section.indexOf("| steers |"), section.indexOf("\n\n", section.indexOf("| steers |")));
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String row : section.lines().skip(2).toList()) {
            String[] columns = row.split(" \\| ");
            Set<String> patterns = new LinkedHashSet<>();
            Matcher quoted = Pattern.compile("`([^`]+)`").matcher(columns[1]);
            while (quoted.find()) {
                patterns.add(quoted.group(1));
            }
            documented.put(columns[0].substring(2), patterns);
        }
        Map<String, Set<String>> code = new LinkedHashMap<>();
        for (RefusedVariables.Rule rule : RefusedVariables.rules()) {
            code.computeIfAbsent(rule.steers(), k -> new LinkedHashSet<>()).add(rule.pattern().toString());
        }
        assertThat(documented).isEqualTo(code);
    }
}

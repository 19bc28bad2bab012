package dev.messer.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedVariablesTest {

    @Test
    void namesThatSteerALoaderShellInterpreterJvmGitAwsOrMesser_areRefused() {
        for (String name : List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "PATH", "BASH_ENV", "ENV",
                "IFS", "PS4", "PROMPT_COMMAND", "SHELLOPTS", "BASHOPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
                "JDK_JAVA_OPTIONS", "NODE_OPTIONS", "PYTHONPATH", "PYTHONSTARTUP", "PERL5OPT", "PERL5LIB", "RUBYOPT",
                "GIT_SSH_COMMAND", "GIT_CONFIG_GLOBAL", "AWS_ACCESS_KEY_ID", "AWS_ENDPOINT_URL", "MESSER_CONFIG",
                "MESSER_PASSPHRASE", "GCONV_PATH", "GLIBC_TUNABLES", "MALLOC_CHECK_", "SSL_CERT_FILE", "HTTPS_PROXY",
                "CLASSPATH", "LESSOPEN", "XDG_CONFIG_HOME", "KUBECONFIG")) {
            assertThat(RefusedVariables.match(name)).as(name).isPresent();
        }
    }

    @Test
    void matching_ignoresCase_becauseSomeToolsReadLowerCaseNames() {
        assertThat(RefusedVariables.match("https_proxy")).isPresent();
        assertThat(RefusedVariables.match("Ld_Preload")).isPresent();
    }

    @Test
    void ordinaryNames_andNamesThatOnlyContainARefusedOne_pass() {
        for (String name : List.of("PASSWORD", "DB_HOST", "APP_PATH", "MY_LD_PRELOAD", "PATHS", "ENVIRONMENT",
                "HOMEPAGE", "API_KEY", "USER", "_2FA", "PS5")) {
            assertThat(RefusedVariables.match(name)).as(name).isEmpty();
        }
    }

    @Test
    void securityDoc_listsEveryRefusedPattern() throws IOException {
        String doc = Files.readString(Path.of("docs/security.md"));
        for (RefusedVariables.Rule rule : RefusedVariables.rules()) {
            assertThat(doc).as(rule.pattern()).contains("`" + rule.pattern() + "`");
        }
    }
}

package dev.messer.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsEnvironmentTest {

    @TempDir
    Path dir;

    private static String identity(Map<String, String> env) {
        return new AwsEnvironment(env).profileFilesIdentity();
    }

    @Test
    void profileFilesIdentity_namesTheFilesByTheirRealPaths() throws IOException {
        Path a = Files.writeString(dir.resolve("a"), "[profile dev]\n");
        Path b = Files.writeString(dir.resolve("b"), "[profile dev]\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), a);
        Path home = dir.resolve("home");

        String ofA = identity(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", a.toString()));

        assertThat(ofA).contains("config=" + a.toRealPath()).contains("credentials=" + home.resolve(".aws/credentials"));
        assertThat(identity(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", link.toString()))).isEqualTo(ofA);
        assertThat(identity(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", dir.resolve("x/../a").toString())))
                .isEqualTo(ofA);
        assertThat(identity(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", b.toString()))).isNotEqualTo(ofA);
        assertThat(identity(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", a.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", b.toString()))).isNotEqualTo(ofA);
        assertThat(identity(Map.of("HOME", home.toString()))).contains("config=" + home.resolve(".aws/config"));
    }
}

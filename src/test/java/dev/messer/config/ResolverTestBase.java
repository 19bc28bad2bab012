package dev.messer.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** Resolves ini text written to {@code messer.ini} in a temporary folder, under an environment the test fills. */
abstract class ResolverTestBase {

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>();

    IniFile ini(String text) throws IOException {
        Path file = dir.resolve("messer.ini");
        Files.writeString(file, text);
        return IniFile.load(file);
    }

    SettingsResolver resolver() {
        env.putIfAbsent("HOME", dir.toString());
        return new SettingsResolver(env);
    }

    Settings resolve(String text, Provider word, String profileFlag, Map<Setting, String> flags) throws IOException {
        return resolver().resolve(ini(text), word, profileFlag, flags);
    }

    Settings resolve(String text, Provider word) throws IOException {
        return resolve(text, word, null, Map.of());
    }
}

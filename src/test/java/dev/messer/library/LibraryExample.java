package dev.messer.library;

import java.nio.file.Path;
import java.util.Map;

/** The library example of docs/jvm.md, compiled here and run by {@link MesserClientTest}. */
final class LibraryExample {

    private LibraryExample() {
    }

    record Connection(String password, Map<String, String> api) {
    }

    static Connection read(String profile, Path config) {
        try (MesserClient messer = Messer.profile(profile).config(config).open()) {
            String password = messer.field("payments", "db", "password").orElseThrow();
            Map<String, String> api = messer.fields("payments", "api");   // {key=...}, by field path
            return new Connection(password, api);
        }
    }
}

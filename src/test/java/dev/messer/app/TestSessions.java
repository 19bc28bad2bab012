package dev.messer.app;

import dev.messer.config.Settings;
import dev.messer.local.PassphraseSource;
import java.util.Map;

/** Sessions for tests, made by the composition root with no prompts: an MFA or passphrase request fails the test. */
public final class TestSessions {

    private TestSessions() {
    }

    public static Session<?> open(Settings settings) {
        return open(settings, Map.of());
    }

    public static Session<?> open(Settings settings, Map<String, String> env) {
        return new Sessions(env, serial -> {
            throw new AssertionError("no MFA prompt expected for " + serial);
        }, PassphraseSource.fromEnvironment(env)).open(settings);
    }
}

package dev.messer.app;

import dev.messer.config.Settings;
import dev.messer.local.PassphraseSource;
import java.nio.file.Path;
import java.util.Map;

/** Sessions for tests, made by the composition root with no prompts: an MFA or passphrase request fails the test. */
public final class TestSessions {

    private TestSessions() {
    }

    public static Session<?> open(Settings settings) {
        return open(settings, Map.of());
    }

    public static Session<?> open(Settings settings, Map<String, String> env) {
        return new Sessions(env, prompts(env)).open(settings);
    }

    /** No MFA prompt (one fails the test), and the passphrase from MESSER_PASSPHRASE only. */
    public static Prompts prompts(Map<String, String> env) {
        return new Prompts() {
            @Override
            public String mfaCode(String serial) {
                throw new AssertionError("no MFA prompt expected for " + serial);
            }

            @Override
            public char[] passphrase(Path keyFile) {
                return PassphraseSource.fromEnvironment(env).passphraseFor(keyFile);
            }
        };
    }
}

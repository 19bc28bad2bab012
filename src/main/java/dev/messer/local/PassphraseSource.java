package dev.messer.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Supplies the passphrase that protects a local master key file: from {@code MESSER_PASSPHRASE} or
 * a terminal prompt (the CLI decides). The caller owns the returned array and wipes it.
 */
@FunctionalInterface
public interface PassphraseSource {

    /** The environment variable a passphrase may come from. */
    String ENVIRONMENT_VARIABLE = "MESSER_PASSPHRASE";

    /**
     * @param keyFile the protected file, for the prompt
     * @throws dev.messer.error.MesserException or a usage error when no passphrase can be had
     */
    char[] passphraseFor(Path keyFile);

    /** Only {@code MESSER_PASSPHRASE} from {@code env}; fails with the fix when it is not set. */
    static PassphraseSource fromEnvironment(Map<String, String> env) {
        return keyFile -> {
            String value = env.get(ENVIRONMENT_VARIABLE);
            if (value == null || value.isEmpty()) {
                throw new dev.messer.error.AccessDeniedException("master key file " + keyFile
                        + " is protected by a passphrase; set " + ENVIRONMENT_VARIABLE + " or run on a terminal");
            }
            return value.toCharArray();
        };
    }
}

package dev.messer.config;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What the local provider reads, parsed and checked: folders under {@code local_root} stand for the
 * buckets, and the master key is a file there.
 *
 * @param root               {@code local_root}, with {@code ~} expanded
 * @param masterKey          the name of the master key file
 * @param secretsBucket      the folder that stands for the secrets bucket
 * @param keysBucket         the folder that stands for the keys bucket
 * @param masterKeyProtected true when the master key file must be sealed under a passphrase
 * @param localVersions      how many versions of each item the secrets folder keeps (0 to 1000)
 */
public record LocalSettings(Path root, Sourced<String> masterKey, Sourced<String> secretsBucket,
                            Sourced<String> keysBucket, Sourced<Boolean> masterKeyProtected, int localVersions) {

    static LocalSettings from(SettingValues values) {
        Sourced<Boolean> protectedKey = values.sourced(Setting.MASTER_KEY_PROTECTED, Boolean.class);
        int versions = values.parsed(Setting.LOCAL_VERSIONS, OptionalInt.class).orElse(10);
        return new LocalSettings(values.location().expandHome(values.text(Setting.LOCAL_ROOT)),
                values.raw(Setting.MASTER_KEY), values.raw(Setting.SECRETS_BUCKET), values.raw(Setting.KEYS_BUCKET),
                protectedKey, versions);
    }
}

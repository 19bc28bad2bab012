package dev.messer.config;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.ConfigException;
import dev.messer.output.VariableAllowList;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The settings every provider reads, parsed and checked.
 *
 * @param profileName       the profile these came from, or null for the legacy sections and defaults
 * @param configFile        the file they were read from, or null
 * @param tier              empty for none; one name as written (see docs/configuration.md)
 * @param secretsFolder     the folder between the tier and the bags; empty for none
 * @param itemFormat        the format new items are written in: 1 or 2
 * @param minItemFormat     the lowest item format opened, never above {@code itemFormat}
 * @param parallel          items a bulk command works on at once, if set
 * @param allowedVariables  the variables items may set; none when the setting is empty
 * @param recoveryKeyFingerprint the pinned recovery public key ({@code SHA256:} and 43 base64
 *                          characters), or empty when none is pinned
 */
public record CommonSettings(Provider provider, String profileName, Path configFile, String tier,
                             String secretsFolder, boolean silent, EncryptionContext encryptionContext,
                             int itemFormat, int minItemFormat, OptionalInt parallel,
                             VariableAllowList allowedVariables, String recoveryKeyFingerprint) {

    static CommonSettings from(SettingValues values, Path configFile) {
        boolean silent = values.parsed(Setting.SILENT, Boolean.class);
        int itemFormat = values.parsed(Setting.ITEM_FORMAT, Integer.class);
        int minItemFormat = minItemFormat(values, itemFormat);
        EncryptionContext context = values.parsed(Setting.ENCRYPTION_CONTEXT, EncryptionContext.class);
        String tier = values.parsed(Setting.TIER, String.class);
        String folder = values.parsed(Setting.SECRETS_FOLDER, String.class);
        OptionalInt parallel = values.parsed(Setting.PARALLEL, OptionalInt.class);
        VariableAllowList allowed = values.parsed(Setting.ALLOWED_VARIABLES, VariableAllowList.class);
        String recoveryKey = values.parsed(Setting.RECOVERY_KEY_FINGERPRINT, String.class);
        return new CommonSettings(values.provider(), values.profile(), configFile, tier, folder, silent, context,
                itemFormat, minItemFormat, parallel, allowed, recoveryKey);
    }

    /** Whether new data key versions are bound to an encryption context ({@code item_format = 2}). */
    public boolean bindsContext() {
        return itemFormat == 2;
    }

    /** Whether data key versions without an encryption context are read ({@code min_item_format = 1}). */
    public boolean readsContextless() {
        return minItemFormat < 2;
    }

    /** It cannot exceed {@code item_format}, or the profile would refuse what it writes. */
    private static int minItemFormat(SettingValues values, int itemFormat) {
        Sourced<Integer> min = values.sourced(Setting.MIN_ITEM_FORMAT, Integer.class);
        if (min.value() > itemFormat) {
            throw new ConfigException("min_item_format = " + min.value() + " (from " + min.from()
                    + ") is above item_format = " + itemFormat + ", so this profile would refuse its own items; "
                    + "set item_format = " + min.value() + " or min_item_format = " + itemFormat);
        }
        return min.value();
    }
}

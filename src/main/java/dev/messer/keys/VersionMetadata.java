package dev.messer.keys;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.IntegrityException;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The metadata of a key version object: its encryption context ({@value KeyRing#CONTEXT_METADATA},
 * when bound), the name of the master key that wrapped it ({@value KeyRing#MASTER_KEY_METADATA}) and
 * when it was created ({@value KeyRing#CREATED_METADATA}). Messer neither writes nor reads the last two.
 */
final class VersionMetadata {

    /** What a KMS alias name or a local key name may hold; the provider checks the name further when it opens it. */
    private static final Pattern MASTER_KEY_NAME = Pattern.compile("[A-Za-z0-9/_.-]{1,250}");

    private VersionMetadata() {
    }

    static Map<String, String> of(EncryptionContext context, String masterKeyName, String created) {
        Map<String, String> metadata = new TreeMap<>();
        if (!context.isEmpty()) {
            metadata.put(KeyRing.CONTEXT_METADATA, context.toMetadataValue());
        }
        if (masterKeyName != null) {
            metadata.put(KeyRing.MASTER_KEY_METADATA, masterKeyName);
        }
        if (created != null) {
            metadata.put(KeyRing.CREATED_METADATA, created);
        }
        return metadata;
    }

    /**
     * The master key a version records; null when it records none (Messer's versions, and messer's
     * written before names were recorded), which means the profile's own.
     *
     * @param where the keys bucket, for messages
     */
    static String masterKey(KeyRef ref, Blob blob, String where) {
        String name = blob.metadata().get(KeyRing.MASTER_KEY_METADATA);
        // a KMS alias has '/' but no '.', a local key name may have '.' but no '/': never a path
        if (name != null && (!MASTER_KEY_NAME.matcher(name).matches() || name.contains("/") && name.contains(".")
                || name.equals(".") || name.equals(".."))) {
            throw new IntegrityException("key object " + ref.objectKey() + " in " + where + " names master key '"
                    + Names.escaped(name) + "', which is not a master key name; restore it from a backup");
        }
        return name;
    }

    /** When the version was created, as recorded; null when it records nothing. */
    static String created(Blob blob) {
        return blob.metadata().get(KeyRing.CREATED_METADATA);
    }

    /** The creation time versions record: now, in whole seconds. */
    static String now() {
        return java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}

package dev.messer.recovery;

import dev.messer.crypto.EncryptionContext;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The recovery objects of a keys bucket, outside every {@code <key_name>/} prefix that Messer lists
 * (as the tombstones are): the public key at {@value #PUBLIC_KEY}, and the wrap of each version at
 * {@code !recovery/<key_name>/<version>}. A wrap is bound to its key name, version, the profile's
 * tier and the recovery key's fingerprint.
 */
public final class RecoveryStore {

    public static final String PUBLIC_KEY = "!recovery-key/public-key.pem";
    public static final String WRAPS = "!recovery/";
    static final String FINGERPRINT_METADATA = "messer-recovery-key";
    private static final int MAX_PEM_BYTES = 16 * 1024;

    private final BlobStore keys;
    private final String tier;

    /** @param tier the profile's tier, bound into each wrap (empty for none) */
    public RecoveryStore(BlobStore keys, String tier) {
        this.keys = keys;
        this.tier = tier == null ? "" : tier;
    }

    public String describe() {
        return keys.describe();
    }

    public static String wrapKey(KeyRef ref) {
        return WRAPS + ref.name() + "/" + ref.version();
    }

    /** The public key stored in the bucket, if any (not yet checked against a pin). */
    public Optional<RecoveryPublicKey> storedPublicKey() {
        return keys.get(PUBLIC_KEY).map(blob -> {
            if (blob.content().length > MAX_PEM_BYTES) {
                throw new IntegrityException(PUBLIC_KEY + " in " + keys.describe() + " is too large to be a public key");
            }
            return RecoveryPublicKey.fromPem(new String(blob.content(), StandardCharsets.US_ASCII),
                    PUBLIC_KEY + " in " + keys.describe());
        });
    }

    /**
     * The stored public key, only when its fingerprint is {@code pinned}: a key swapped in by
     * someone who can write the keys bucket is refused, so that nobody gets data keys wrapped to a
     * key of their choosing.
     */
    public RecoveryPublicKey pinnedPublicKey(String pinned) {
        RecoveryPublicKey stored = storedPublicKey().orElseThrow(() -> new NotFoundException("the profile pins "
                + "recovery key " + pinned + ", but " + keys.describe() + " holds no recovery public key ("
                + PUBLIC_KEY + ")", Hint.of("store it again with {}",
                Hint.command("recovery set", "PUBLIC_KEY_FILE"))));
        if (!stored.fingerprint().equals(pinned)) {
            throw new IntegrityException("the recovery public key in " + keys.describe() + " is " + stored.fingerprint()
                    + ", but the profile pins " + pinned + ": it was replaced, and messer wraps no data key to it",
                    Hint.of("store the right key with {} or correct recovery_key_fingerprint",
                            Hint.command("recovery set", "PUBLIC_KEY_FILE")));
        }
        return stored;
    }

    /** Stores the public key (replacing any other). */
    public void storePublicKey(RecoveryPublicKey key) {
        keys.put(PUBLIC_KEY, key.toPemBytes(), Map.of(FINGERPRINT_METADATA, key.fingerprint()));
    }

    public boolean hasWrap(KeyRef ref) {
        return keys.get(wrapKey(ref)).isPresent();
    }

    /** Whether {@code ref} has a wrap that records {@code key}'s fingerprint (a wrap under an older key does not count). */
    public boolean hasWrapUnder(KeyRef ref, RecoveryPublicKey key) {
        return keys.get(wrapKey(ref)).map(blob -> key.fingerprint().equals(blob.metadata().get(FINGERPRINT_METADATA)))
                .orElse(false);
    }

    /** Wraps {@code key} (the data key of {@code ref}) under {@code publicKey} and stores it, replacing any older wrap. */
    public void writeWrap(KeyRef ref, RecoveryPublicKey publicKey, dev.messer.crypto.DataKey key) {
        byte[] wrapped = publicKey.wrap(key, binding(ref, publicKey.fingerprint()));
        keys.put(wrapKey(ref), wrapped, Map.of(FINGERPRINT_METADATA, publicKey.fingerprint()));
    }

    /**
     * Opens the wrap of {@code ref} with the private key; the caller owns the key.
     *
     * @throws NotFoundException when the version has no recovery wrap
     */
    public dev.messer.crypto.DataKey openWrap(KeyRef ref, RecoveryPrivateKey privateKey) {
        String objectKey = wrapKey(ref);
        Blob blob = keys.get(objectKey).orElseThrow(() -> new NotFoundException("encryption key " + ref
                + " has no recovery wrap (" + objectKey + " in " + keys.describe() + ")"));
        return privateKey.unwrap(blob.content(), binding(ref, privateKey.publicKey().fingerprint()),
                "recovery wrap " + objectKey + " in " + keys.describe());
    }

    /** The associated data of a wrap: the canonical encoding (docs/format.md, section 5) of these pairs. */
    byte[] binding(KeyRef ref, String fingerprint) {
        EncryptionContext binding = EncryptionContext.of(Map.of(KeyRing.CONTEXT_KEY_NAME, ref.name(),
                KeyRing.CONTEXT_KEY_VERSION, String.valueOf(ref.version()), "messer:recovery_key", fingerprint));
        return (tier.isEmpty() ? binding : binding.with(KeyRing.CONTEXT_TIER, tier)).toAssociatedData();
    }
}

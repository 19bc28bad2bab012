package dev.messer.crypto;

import dev.messer.error.IntegrityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sealed item payload: what the {@code encrypted_data} field of a stored item holds (after
 * base64 and JSON, see {@link EnvelopeCodec}). Immutable; holds only public values.
 */
public final class Envelope {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EnvelopeVersion version;
    private final byte[] nonce;
    private final byte[] ciphertext;
    private final byte[] tag;
    private final String keyName;
    private final int keyVersion;

    public Envelope(EnvelopeVersion version, byte[] nonce, byte[] ciphertext, byte[] tag, String keyName, int keyVersion) {
        this.version = Objects.requireNonNull(version, "version");
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
        this.tag = tag.clone();
        this.keyName = Objects.requireNonNull(keyName, "keyName");
        this.keyVersion = keyVersion;
    }

    /**
     * Encrypts {@code plaintext} under {@code key} with a fresh random nonce. Version 1 uses a
     * 32-byte nonce and no associated data (Messer 2.0.13); version 2 a 12-byte nonce and the
     * binding's associated data.
     */
    public static Envelope seal(EnvelopeVersion version, DataKey key, byte[] plaintext, ItemBinding binding) {
        byte[] nonce = new byte[version.nonceBytes()];
        RANDOM.nextBytes(nonce);
        return seal(version, key, plaintext, binding, nonce);
    }

    /** Seals under a given nonce: only for known-answer vectors, never reuse a nonce under one key. */
    static Envelope seal(EnvelopeVersion version, DataKey key, byte[] plaintext, ItemBinding binding, byte[] nonce) {
        if (nonce.length != version.nonceBytes()) {
            throw new IllegalArgumentException("a version " + version.wire() + " nonce is " + version.nonceBytes()
                    + " bytes");
        }
        byte[] aad = version == EnvelopeVersion.V2 ? binding.toAssociatedData() : null;
        byte[] sealed = AesGcm.seal(key, nonce, plaintext, aad);
        int split = sealed.length - AesGcm.TAG_BYTES;
        return new Envelope(version, nonce, Arrays.copyOf(sealed, split),
                Arrays.copyOfRange(sealed, split, sealed.length), binding.keyName(), binding.keyVersion());
    }

    /**
     * Decrypts, checking that the envelope belongs to {@code binding}. For version 2 the binding is
     * authenticated; for version 1 (no AAD) only the key labels can be compared.
     *
     * @throws IntegrityException if the ciphertext was altered, moved or relabelled, or the key is wrong
     */
    public byte[] open(DataKey key, ItemBinding binding) {
        if (version == EnvelopeVersion.V2
                && (!keyName.equals(binding.keyName()) || keyVersion != binding.keyVersion())) {
            throw new IntegrityException("the envelope names key " + keyName + " v" + keyVersion
                    + " but the item names " + binding.keyName() + " v" + binding.keyVersion());
        }
        if (version == EnvelopeVersion.V2 && nonce.length != EnvelopeVersion.V2.nonceBytes()) {
            throw new IntegrityException("a version 2 envelope must have a 12-byte nonce");
        }
        byte[] joined = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, joined, 0, ciphertext.length);
        System.arraycopy(tag, 0, joined, ciphertext.length, tag.length);
        if (tag.length != AesGcm.TAG_BYTES) {
            throw new IntegrityException("the authentication tag must be 16 bytes");
        }
        byte[] aad = version == EnvelopeVersion.V2 ? binding.toAssociatedData() : null;
        return AesGcm.open(key, nonce, joined, aad);
    }

    public EnvelopeVersion version() {
        return version;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public byte[] tag() {
        return tag.clone();
    }

    public String keyName() {
        return keyName;
    }

    public int keyVersion() {
        return keyVersion;
    }

    @Override
    public String toString() {
        return "Envelope[v" + version.wire() + ", key " + keyName + " v" + keyVersion + ", "
                + ciphertext.length + " bytes]";
    }
}

package dev.messer.security;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.cli.CliSandbox;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.ItemBinding;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalBlobStore;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Reads and rewrites what the local provider stores, the way an attacker with write access to the folders would. */
final class StoredObjects {

    private StoredObjects() {
    }

    static JsonObject readJson(Path file) {
        return JsonParser.parseString(readString(file)).getAsJsonObject();
    }

    static void writeJson(Path file, JsonObject json) {
        write(file, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Envelope envelope(Path storedItem) {
        return EnvelopeCodec.decode(readJson(storedItem).get("encrypted_data").getAsString());
    }

    /** Replaces the item's envelope with {@code change(envelope)}, keeping the outer fields. */
    static void rewriteEnvelope(Path storedItem, UnaryOperator<Envelope> change) {
        JsonObject json = readJson(storedItem);
        Envelope changed = change.apply(EnvelopeCodec.decode(json.get("encrypted_data").getAsString()));
        json.addProperty("encrypted_data", EnvelopeCodec.encode(changed));
        writeJson(storedItem, json);
    }

    static Envelope withNonce(Envelope e, byte[] nonce) {
        return new Envelope(e.version(), nonce, e.ciphertext(), e.tag(), e.keyName(), e.keyVersion());
    }

    static Envelope withCiphertext(Envelope e, byte[] ciphertext) {
        return new Envelope(e.version(), e.nonce(), ciphertext, e.tag(), e.keyName(), e.keyVersion());
    }

    static Envelope withTag(Envelope e, byte[] tag) {
        return new Envelope(e.version(), e.nonce(), e.ciphertext(), tag, e.keyName(), e.keyVersion());
    }

    static Envelope withKey(Envelope e, String keyName, int keyVersion) {
        return new Envelope(e.version(), e.nonce(), e.ciphertext(), e.tag(), keyName, keyVersion);
    }

    static byte[] flipBit(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[Math.floorMod(index, copy.length)] ^= 0x01;
        return copy;
    }

    /**
     * Seals {@code plaintext} (any bytes, not necessarily a valid item) with the real data key, bound
     * to {@code binding}: what only someone holding the data key could write.
     */
    static Envelope sealWithRealKey(CliSandbox sandbox, String masterKeyName, KeyRef key, byte[] plaintext,
                                    ItemBinding binding, dev.messer.crypto.EnvelopeVersion version) {
        try (LocalMasterKey master = LocalMasterKeyFile.open(sandbox.masterKeyFile(masterKeyName));
             KeyRing ring = TestKeyRing.of(new LocalBlobStore(sandbox.keysBucket()), master);
             DataKey dataKey = ring.forReading(key)) {
            return Envelope.seal(version, dataKey, plaintext, binding);
        }
    }

    /** The raw bytes of a data key, for scanning outputs for it. */
    static byte[] dataKeyBytes(CliSandbox sandbox, String masterKeyName, KeyRef key) {
        try (LocalMasterKey master = LocalMasterKeyFile.open(sandbox.masterKeyFile(masterKeyName));
             KeyRing ring = TestKeyRing.of(new LocalBlobStore(sandbox.keysBucket()), master);
             DataKey dataKey = ring.forReading(key)) {
            return dataKey.withMaterialForWrapping(byte[]::clone);
        }
    }

    static String readString(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        write(to, read(from));
    }
}

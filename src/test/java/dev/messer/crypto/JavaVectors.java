package dev.messer.crypto;

import dev.messer.store.StoreNotices;
import dev.messer.output.DecryptedItem;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.keys.KeyRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Vectors written by this code for the Python reference to verify: {@code vectors/from-java.json}
 * is {@link #deterministic()} (fixed keys and nonces; regenerate with {@code main} after a
 * deliberate format change), and tests also write fresh ones sealed with random nonces.
 */
public final class JavaVectors {

    /** name, tier, folder, bag, item JSON, key name, key version, envelope version */
    private static final Object[][] CASES = {
        {"v2-worked-example", "dev", "secrets", "payments",
            "{\"id\": \"db\", \"password\": \"correct-horse-battery-staple\"}", "app", 3, EnvelopeVersion.V2},
        {"v2-no-tier-no-folder", "", "", "payments", "{\"id\": \"api\", \"token\": \"t0k\"}", "app", 0, EnvelopeVersion.V2},
        {"v2-nested-folder-non-ascii", "qa", "team/secrets", "i18n",
            "{\"id\": \"cafe\", \"name\": \"caf\u00e9\", \"greeting\": \"gr\u00fc\u00df dich \u2603 \uD83D\uDD11\", \"n\": [1, 2.50, null]}",
            "intl", 12, EnvelopeVersion.V2},
        {"v1-written-by-messer-java", "dev", "secrets", "payments",
            "{\"id\": \"db\", \"password\": \"for-python-messer\"}", "app", 5, EnvelopeVersion.V1},
    };

    private JavaVectors() {
    }

    static JsonObject deterministic() {
        JsonArray vectors = new JsonArray();
        for (Object[] c : CASES) {
            String name = (String) c[0];
            byte[] key = TestKeys.fixedBytes("key/" + name, DataKey.LENGTH);
            EnvelopeVersion version = (EnvelopeVersion) c[7];
            byte[] nonce = TestKeys.fixedBytes("nonce/" + name, version.nonceBytes());
            vectors.add(vector(name, (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    (Integer) c[6], version, key, nonce));
        }
        return document("messer envelope vectors written by messer (fixed keys and nonces)", vectors);
    }

    /** Items sealed through {@link ItemCrypto} with random nonces, as uploads seal them. */
    static JsonObject fresh() {
        JsonArray vectors = new JsonArray();
        for (Object[] c : CASES) {
            for (EnvelopeVersion version : EnvelopeVersion.values()) {
                String name = c[0] + "-fresh-as-v" + version.wire();
                byte[] key = TestKeys.fixedBytes("key/" + name, DataKey.LENGTH);
                vectors.add(vector(name, (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                        (Integer) c[6], version, key, null));
            }
        }
        return document("messer envelope vectors sealed with random nonces", vectors);
    }

    private static JsonObject vector(String name, String tier, String folder, String bag, String itemJson,
                                     String keyName, int keyVersion, EnvelopeVersion version, byte[] key,
                                     byte[] nonce) {
        HexFormat hex = HexFormat.of();
        SecretsLayout layout = new SecretsLayout(tier, folder);
        ItemDocument item = ItemDocument.parse(itemJson.getBytes(StandardCharsets.UTF_8), name);
        ItemBinding binding = new ItemBinding(layout.tier(), layout.folder(), bag, item.id(), keyName, keyVersion);
        byte[] plaintext = item.toPlaintext();
        StoredItem stored;
        try (DataKey dataKey = DataKey.adopt(key.clone())) {
            if (nonce == null) {
                stored = new ItemCrypto(layout, 1, version, StoreNotices.NONE).seal(bag, item,
                        new KeyRef(keyName, keyVersion), dataKey);
            } else {
                Envelope envelope = Envelope.seal(version, dataKey, plaintext, binding, nonce);
                stored = new StoredItem(item.id(), EnvelopeCodec.encode(envelope), keyName, keyVersion);
            }
        }
        Envelope envelope = EnvelopeCodec.decode(stored.encryptedData());
        JsonObject v = new JsonObject();
        v.addProperty("name", name);
        v.addProperty("tier", layout.tier());
        v.addProperty("folder", layout.folder());
        v.addProperty("bag", bag);
        v.addProperty("id", item.id());
        v.addProperty("object_key", layout.itemKey(bag, item.id()));
        v.addProperty("key", hex.formatHex(key));
        v.addProperty("iv", hex.formatHex(envelope.nonce()));
        v.addProperty("plaintext", new String(plaintext, StandardCharsets.UTF_8));
        if (version == EnvelopeVersion.V2) {
            v.addProperty("aad", hex.formatHex(binding.toAssociatedData()));
        }
        v.addProperty("ciphertext", hex.formatHex(envelope.ciphertext()));
        v.addProperty("tag", hex.formatHex(envelope.tag()));
        v.addProperty("key_name", keyName);
        v.addProperty("key_version", keyVersion);
        v.addProperty("envelope", stored.encryptedData());
        v.addProperty("envelope_json", new String(Base64.getDecoder().decode(stored.encryptedData()),
                StandardCharsets.UTF_8));
        v.addProperty("stored_item", new String(stored.toBytes(), StandardCharsets.UTF_8));
        v.addProperty("decrypted_view", DecryptedItem.messerView(stored, item.json()).toString());
        return v;
    }

    private static JsonObject document(String format, JsonArray vectors) {
        JsonObject doc = new JsonObject();
        doc.addProperty("format", format);
        doc.addProperty("generator", "src/test/java/dev/messer/crypto/JavaVectors.java");
        doc.add("vectors", vectors);
        return doc;
    }

    static String toText(JsonObject document) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document) + "\n";
    }

    /**
     * Rewrites the committed file (after a deliberate format change only):
     * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=dev.messer.crypto.JavaVectors
     * -Dexec.classpathScope=test -Dexec.args=src/test/resources/vectors/from-java.json}
     */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), toText(deterministic()), StandardCharsets.UTF_8);
    }
}

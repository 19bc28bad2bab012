package dev.messer.bulk;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.BlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.OptionalInt;

/** One profile in memory: a secrets bucket, a keys bucket and its own local master key. */
final class TestProfile {

    final MemoryBlobStore secrets = new MemoryBlobStore();
    final MemoryBlobStore keyStore = new MemoryBlobStore();
    final LocalMasterKey masterKey = new LocalMasterKey(DataKey.random(), "test master key");
    final KeyRing ring = new KeyRing(keyStore, () -> masterKey, EncryptionContext.empty(), true);
    final SecretsLayout layout;

    TestProfile(String tier) {
        this.layout = new SecretsLayout(tier, "secrets");
    }

    DataBagService bags() {
        return bags(secrets);
    }

    /** The bag service over another view of the secrets bucket (a wrapper that interferes). */
    DataBagService bags(BlobStore view) {
        return new DataBagService(view, layout, EnvelopeVersion.V2);
    }

    DataKeyCache newCache() {
        return new DataKeyCache(ring);
    }

    /** Creates key {@code name} with versions 0..latest. */
    TestProfile key(String name, int latest) {
        ring.create(name);
        for (int v = 1; v <= latest; v++) {
            ring.increment(name);
        }
        return this;
    }

    /** Stores item {@code bag/id} = {"id": id, "value": value} sealed with {@code name v version}. */
    TestProfile item(String bag, String id, String name, int version, String value) {
        DataBagService service = bags();
        service.createBag(bag);
        try (DataKeyCache cache = newCache()) {
            service.upload(bag, document(id, value), name, OptionalInt.of(version), true, cache);
        }
        return this;
    }

    /** The sealed bytes {@code bag/id} would hold with {@code value}, without storing them. */
    byte[] sealedBytes(String bag, String id, String name, int version, String value) {
        MemoryBlobStore scratch = new MemoryBlobStore();
        DataBagService service = bags(scratch);
        service.createBag(bag);
        try (DataKeyCache cache = newCache()) {
            service.upload(bag, document(id, value), name, OptionalInt.of(version), true, cache);
        }
        return scratch.get(layout.itemKey(bag, id)).orElseThrow().content();
    }

    /** Decrypts {@code bag/id} and returns its "value" field. */
    String value(String bag, String id) {
        try (DataKeyCache cache = newCache()) {
            return bags().decrypt(bag, id, cache).json().get("value").getAsString();
        }
    }

    int keyVersion(String bag, String id) {
        return bags().read(bag, id).item().keyVersion();
    }

    String etag(String bag, String id) {
        return bags().read(bag, id).etag();
    }

    static ItemDocument document(String id, String value) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("value", value);
        return ItemDocument.of(json, "test item");
    }
}

package dev.messer.bulk;

import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.TestBucket;
import dev.messer.databag.TestItems;
import dev.messer.keys.KeyRing;
import dev.messer.keys.TestKeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.store.BlobStore;
import dev.messer.store.MemoryBlobStore;
import java.util.OptionalInt;

/** One profile in memory: a secrets bucket, a keys bucket and its own local master key. */
final class TestProfile {

    final MemoryBlobStore secrets = new MemoryBlobStore();
    final MemoryBlobStore keyStore = new MemoryBlobStore();
    final LocalMasterKey masterKey = new LocalMasterKey(DataKey.random(), "test master key");
    final KeyRing ring = TestKeyRing.of(keyStore, masterKey);
    final SecretsLayout layout;

    TestProfile(String tier) {
        this.layout = new SecretsLayout(tier, "secrets");
    }

    /** Bags and items over the secrets bucket, with data keys of their own (closing the bucket wipes them). */
    TestBucket bucket() {
        return bucket(secrets);
    }

    /** The same over another view of the secrets bucket (a wrapper that interferes). */
    TestBucket bucket(BlobStore view) {
        return TestBucket.of(view, layout, ring);
    }

    /** What a bulk run over {@code bucket} works with. */
    static BulkProfile bulk(TestBucket bucket) {
        return new BulkProfile(bucket.items, bucket.bags, bucket.ring, bucket.keys);
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
        try (TestBucket bucket = bucket()) {
            bucket.bags.createBag(bag);
            TestItems.upload(bucket.items, bag, document(id, value), name, OptionalInt.of(version), true);
        }
        return this;
    }

    /** The sealed bytes {@code bag/id} would hold with {@code value}, without storing them. */
    byte[] sealedBytes(String bag, String id, String name, int version, String value) {
        MemoryBlobStore scratch = new MemoryBlobStore();
        try (TestBucket bucket = bucket(scratch)) {
            bucket.bags.createBag(bag);
            TestItems.upload(bucket.items, bag, document(id, value), name, OptionalInt.of(version), true);
        }
        return scratch.get(layout.itemKey(bag, id)).orElseThrow().content();
    }

    /** Decrypts {@code bag/id} and returns its "value" field. */
    String value(String bag, String id) {
        try (TestBucket bucket = bucket()) {
            return bucket.items.open(bag, id).document().json().get("value").getAsString();
        }
    }

    int keyVersion(String bag, String id) {
        try (TestBucket bucket = bucket()) {
            return bucket.items.read(bag, id).item().keyVersion();
        }
    }

    String etag(String bag, String id) {
        try (TestBucket bucket = bucket()) {
            return bucket.items.read(bag, id).etag();
        }
    }

    static ItemDocument document(String id, String value) {
        JsonObject json = new JsonObject();
        json.addProperty("id", id);
        json.addProperty("value", value);
        return ItemDocument.of(json, "test item");
    }
}

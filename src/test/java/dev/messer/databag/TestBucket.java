package dev.messer.databag;

import dev.messer.crypto.EnvelopeVersion;
import dev.messer.keys.CachingDataKeys;
import dev.messer.keys.KeyRing;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.function.Supplier;

/**
 * The bags, item service and item history of one profile over the stores a test gives, wired as a
 * session wires them, with their own data keys (or shared ones). Defaults: item format 2, minimum
 * format 1, no notices, writer {@code unknown}.
 */
public final class TestBucket implements AutoCloseable {

    public final BlobStore secrets;
    public final SecretsLayout layout;
    public final KeyRing ring;
    public final CachingDataKeys keys;
    public final Bags bags;
    public final ItemService items;
    public final ItemHistory history;

    private TestBucket(Builder b) {
        this.secrets = b.secrets;
        this.layout = b.layout;
        this.ring = b.ring;
        this.keys = b.keys != null ? b.keys : new CachingDataKeys(b.ring);
        ItemCrypto crypto = new ItemCrypto(layout, b.minItemFormat, b.format, b.notices);
        this.bags = new Bags(secrets, layout, b.notices);
        this.items = new ItemService(secrets, layout, crypto, bags, ring, keys, b.writer);
        this.history = new ItemHistory(secrets, layout, crypto, keys, ring, items);
    }

    public static Builder on(BlobStore secrets, SecretsLayout layout, KeyRing ring) {
        return new Builder(secrets, layout, ring);
    }

    /** The defaults. */
    public static TestBucket of(BlobStore secrets, SecretsLayout layout, KeyRing ring) {
        return on(secrets, layout, ring).build();
    }

    /** Wipes the data keys unwrapped for this bucket. */
    @Override
    public void close() {
        keys.close();
    }

    public static final class Builder {
        private final BlobStore secrets;
        private final SecretsLayout layout;
        private final KeyRing ring;
        private EnvelopeVersion format = EnvelopeVersion.V2;
        private int minItemFormat = 1;
        private StoreNotices notices = StoreNotices.NONE;
        private Supplier<String> writer = () -> "unknown";
        private CachingDataKeys keys;

        private Builder(BlobStore secrets, SecretsLayout layout, KeyRing ring) {
            this.secrets = secrets;
            this.layout = layout;
            this.ring = ring;
        }

        public Builder format(EnvelopeVersion value) {
            format = value;
            return this;
        }

        public Builder minItemFormat(int value) {
            minItemFormat = value;
            return this;
        }

        public Builder notices(StoreNotices value) {
            notices = value;
            return this;
        }

        public Builder writer(Supplier<String> value) {
            writer = value;
            return this;
        }

        /** Data keys shared with another bucket of the same ring (closing either wipes them). */
        public Builder keys(CachingDataKeys value) {
            keys = value;
            return this;
        }

        public TestBucket build() {
            return new TestBucket(this);
        }
    }
}

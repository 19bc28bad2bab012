package dev.messer.backend;

import dev.messer.store.BlobStore;

/**
 * What every provider's backend holds the same way: its secrets bucket, its keys bucket, and
 * whether profiles of different tiers may share the keys bucket. A provider adds its master key,
 * its writer and what it closes.
 */
public abstract class TwoBuckets implements Backend {

    private final BlobStore secrets;
    private final BlobStore keys;
    private final boolean tiersShareKeys;

    /**
     * @param tiersShareKeys true where one keys bucket commonly serves several tiers (local folders);
     *                       false where each tier has its own (on AWS, {@code messer-<tier>-keys})
     */
    protected TwoBuckets(BlobStore secrets, BlobStore keys, boolean tiersShareKeys) {
        this.secrets = secrets;
        this.keys = keys;
        this.tiersShareKeys = tiersShareKeys;
    }

    @Override
    public final BlobStore secrets() {
        return secrets;
    }

    @Override
    public final BlobStore keys() {
        return keys;
    }

    @Override
    public final boolean tiersShareKeys() {
        return tiersShareKeys;
    }
}

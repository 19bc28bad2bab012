package dev.messer.backend;

import dev.messer.masterkey.MasterKey;
import dev.messer.store.BlobStore;

/**
 * The two buckets and the master key of one provider, for one profile. Implementations connect
 * lazily: nothing is opened until a method needs it, so a command pays only for what it uses.
 */
public interface Backend extends AutoCloseable {

    BlobStore secrets();

    BlobStore keys();

    /**
     * Whether the keys bucket may be shared by profiles of different tiers (local tiers often share
     * one folder). Where it is not, a key version stored for another tier is refused as copied over.
     */
    boolean tiersShareKeys();

    /**
     * Who is writing, as recorded beside each item version (the caller ARN on AWS, user@host on
     * local): what the writing process claims, not an audit record. Resolved once, on first use.
     */
    String writer();

    /**
     * How many answers so far said the provider was throttling this process (S3's {@code SlowDown}
     * and other 503s, 429s, throttling errors), retried by the client or not. Bulk runs watch it to
     * slow down; a provider that never throttles keeps 0.
     */
    default long throttledAnswers() {
        return 0;
    }

    /** Resolved on first use (listing and showing encrypted items need no master key). */
    MasterKey masterKey();

    /** The name of {@link #masterKey()} as key versions record it ({@code master_key}, checked). */
    String masterKeyName();

    /**
     * Another master key of this provider, by the name a key version records: for versions wrapped
     * before a move to a new master key, and for the move itself. Opened on first use.
     */
    MasterKey masterKey(String name);

    @Override
    void close();
}

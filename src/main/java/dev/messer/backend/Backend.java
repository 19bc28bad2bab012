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

    /** Resolved on first use (listing and showing encrypted items need no master key). */
    MasterKey masterKey();

    @Override
    void close();
}

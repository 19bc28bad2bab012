package dev.messer.store;

/** The in-memory fake honours the same contract as the real stores, so tests built on it mean something. */
class MemoryBlobStoreTest extends BlobStoreContract {

    private final MemoryBlobStore store = new MemoryBlobStore();

    @Override
    protected BlobStore store() {
        return store;
    }
}

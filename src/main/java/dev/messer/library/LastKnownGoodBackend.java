package dev.messer.library;

import dev.messer.backend.Backend;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.BlobStore;

/**
 * A backend whose two stores are read through one {@link LastKnownGood} copy. The master key is the
 * backend's own: a copy holds wrapped data keys, so reading from it still needs the master key.
 */
final class LastKnownGoodBackend implements Backend {

    private final Backend backend;
    private final BlobStore secrets;
    private final BlobStore keys;

    LastKnownGoodBackend(Backend backend, LastKnownGood copy) {
        this.backend = backend;
        this.secrets = new LastKnownGoodStore(backend.secrets(), copy);
        this.keys = new LastKnownGoodStore(backend.keys(), copy);
    }

    @Override
    public BlobStore secrets() {
        return secrets;
    }

    @Override
    public BlobStore keys() {
        return keys;
    }

    @Override
    public boolean tiersShareKeys() {
        return backend.tiersShareKeys();
    }

    @Override
    public String writer() {
        return backend.writer();
    }

    @Override
    public MasterKey masterKey() {
        return backend.masterKey();
    }

    @Override
    public String masterKeyName() {
        return backend.masterKeyName();
    }

    @Override
    public MasterKey masterKey(String name) {
        return backend.masterKey(name);
    }

    @Override
    public void close() {
        backend.close();
    }
}

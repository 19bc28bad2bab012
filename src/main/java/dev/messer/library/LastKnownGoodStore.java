package dev.messer.library;

import dev.messer.error.UnavailableException;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A store seen through a {@link LastKnownGood} copy: every object and listing read is kept in the
 * copy; when the store is unavailable, reads are answered from the copy (and, from then on, without
 * asking the store again). Listings are read whole, also when handed out key by key. Writes,
 * versions and deletes go to the store alone and are never answered from the copy: they are
 * forwarded.
 */
final class LastKnownGoodStore extends ForwardingBlobStore {

    private final LastKnownGood copy;

    LastKnownGoodStore(BlobStore store, LastKnownGood copy) {
        super(store);
        this.copy = copy;
    }

    @Override
    public Optional<Blob> get(String key) {
        String name = delegate.describe() + "/" + key;
        if (copy.offline()) {
            return copy.answer(name, copy.outage()).blob();
        }
        Optional<Blob> blob;
        try {
            blob = delegate.get(key);
        } catch (UnavailableException e) {
            return copy.answer(name, e).blob();
        }
        copy.remember(name, blob, null);
        return blob;
    }

    @Override
    public List<String> list(String prefix) {
        String name = "listing of " + delegate.describe() + "/" + prefix;
        if (copy.offline()) {
            return listing(copy.answer(name, copy.outage()), name);
        }
        List<String> keys;
        try {
            keys = delegate.list(prefix);
        } catch (UnavailableException e) {
            return listing(copy.answer(name, e), name);
        }
        copy.remember(name, Optional.empty(), List.copyOf(keys));
        return keys;
    }

    /**
     * {@inheritDoc} Through {@link #list}, whole: the copy keeps every listing read whole, so that an
     * outage is answered from it; streaming from the store would hold no less, and a listing the store
     * broke off part-way could not be finished from a copy taken at another time without mixing the
     * two.
     */
    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        BlobStore.handOut(list(prefix), each);
    }

    private List<String> listing(LastKnownGood.Entry entry, String name) {
        if (entry.listing() == null) {
            throw new IllegalStateException("the last-known-good copy holds no listing under " + name);
        }
        return entry.listing();
    }
}

package dev.messer.bulk;

import dev.messer.error.UnavailableException;
import dev.messer.store.BlobStore;
import dev.messer.store.ForwardingBlobStore;
import java.util.concurrent.atomic.AtomicInteger;

/** Lets {@code allowed} conditional item writes through, then fails every later one, like a process killed midway. */
class CrashingBlobStore extends ForwardingBlobStore {

    private final AtomicInteger remaining;

    CrashingBlobStore(BlobStore delegate, int allowed) {
        super(delegate);
        this.remaining = new AtomicInteger(allowed);
    }

    @Override
    protected void beforeConditionalWrite(String key) {
        if (remaining.getAndDecrement() <= 0) {
            throw new UnavailableException("connection lost while writing " + key);
        }
    }
}

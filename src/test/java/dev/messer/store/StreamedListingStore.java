package dev.messer.store;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A store whose listing of one prefix can only be streamed, as S3 pages it: asking for the whole
 * listing of that prefix at once ({@link #list}) fails the test, {@link #forEachKey} hands out its
 * keys one at a time and counts them. Other prefixes (a bag's marker) list as usual.
 */
public final class StreamedListingStore extends ForwardingBlobStore {

    private final String streamed;
    private final AtomicInteger handedOut = new AtomicInteger();

    public StreamedListingStore(BlobStore delegate, String streamed) {
        super(delegate);
        this.streamed = streamed;
    }

    @Override
    public List<String> list(String prefix) {
        if (prefix.equals(streamed)) {
            throw new AssertionError("the whole listing of " + prefix + " was asked for at once");
        }
        return super.list(prefix);
    }

    @Override
    public void forEachKey(String prefix, Predicate<String> each) {
        for (String key : delegate.list(prefix)) {
            handedOut.incrementAndGet();
            if (!each.test(key)) {
                return;
            }
        }
    }

    /** The keys {@link #forEachKey} handed out so far. */
    public int handedOut() {
        return handedOut.get();
    }
}

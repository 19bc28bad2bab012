package dev.messer.store;

import dev.messer.error.UnavailableException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;

/** The in-memory fake honours the same contract as the real stores, so tests built on it mean something. */
class MemoryBlobStoreTest extends BlobStoreContract {

    private final MemoryBlobStore store = new MemoryBlobStore();

    @Override
    protected BlobStore store() {
        return store;
    }

    /** Each call that changes the fake is one step; a failing one changes nothing, as a refused request. */
    @Nested
    class WhenAWriteIsCutShort extends InterruptedWriteContract {

        private static final Set<String> CHANGES = Set.of("put", "putIfAbsent", "putIfMatch", "delete", "purge");

        @Override
        protected BlobStore store() {
            return store;
        }

        @Override
        protected Faulty failingAt(int step, boolean andLater) {
            AtomicInteger count = new AtomicInteger();
            BlobStore faulty = (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(),
                    new Class<?>[] {BlobStore.class}, (proxy, method, args) -> {
                        if (CHANGES.contains(method.getName())) {
                            int at = count.incrementAndGet();
                            if (at == step || (andLater && at > step)) {
                                throw new UnavailableException("injected failure at step " + at);
                            }
                        }
                        try {
                            return method.invoke(store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            return new Faulty(faulty, () -> count.get() >= step);
        }
    }
}

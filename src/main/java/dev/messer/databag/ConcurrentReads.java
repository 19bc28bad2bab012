package dev.messer.databag;

import dev.messer.keys.DataKeyCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens several items of one profile at once: the reads run on a few threads, and the shared
 * {@link DataKeyCache} unwraps each key version once however many items use it. The results come
 * back in the order asked; the first failure in that order is thrown as it was raised.
 */
public final class ConcurrentReads {

    /** Enough to overlap the round trips of a pipeline's handful of items. */
    static final int THREADS = 8;

    private ConcurrentReads() {
    }

    public static List<DataBagService.Opened> open(DataBagService bags, List<ItemRef> refs, DataKeyCache keys) {
        if (refs.size() == 1) {
            return List.of(bags.open(refs.get(0).bag(), refs.get(0).id(), keys));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, Math.max(1, refs.size())), task -> {
            Thread thread = new Thread(task, "messer-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<DataBagService.Opened>> futures = new ArrayList<>();
            for (ItemRef ref : refs) {
                futures.add(pool.submit(() -> bags.open(ref.bag(), ref.id(), keys)));
            }
            List<DataBagService.Opened> opened = new ArrayList<>();
            for (Future<DataBagService.Opened> future : futures) {
                opened.add(future.get());
            }
            return opened;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading items was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

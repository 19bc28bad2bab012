package dev.messer.databag;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Opens several items of one profile at once: the reads run on a few threads, and the profile's
 * cached data keys unwrap each key version once however many items use it. The results come
 * back in the order asked; the first failure in that order is thrown as it was raised.
 */
public final class ConcurrentReads {

    /** Enough to overlap the round trips of a pipeline's handful of items. */
    static final int THREADS = 8;

    private ConcurrentReads() {
    }

    public static List<ItemService.Opened> open(ItemService items, List<ItemRef> refs) {
        if (refs.size() == 1) {
            return List.of(items.open(refs.get(0).bag(), refs.get(0).id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, Math.max(1, refs.size())), task -> {
            Thread thread = new Thread(task, "messer-read");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ItemService.Opened>> futures = new ArrayList<>();
            for (ItemRef ref : refs) {
                futures.add(pool.submit(() -> items.open(ref.bag(), ref.id())));
            }
            List<ItemService.Opened> opened = new ArrayList<>();
            for (Future<ItemService.Opened> future : futures) {
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

package dev.messer.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Applies a task to every input on a fixed pool of worker threads and returns the results in input
 * order. Tasks report their own failures as values; an exception escaping a task is a bug and is
 * rethrown once the pool has stopped.
 */
final class ParallelMap {

    private ParallelMap() {
    }

    static <T, R> List<R> map(List<T> inputs, int parallel, String phase, BulkListener listener,
                              Function<T, R> task) {
        listener.phase(phase, inputs.size());
        if (inputs.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, inputs.size()), workers());
        try {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (T input : inputs) {
                futures.add(pool.submit(() -> {
                    try {
                        return task.apply(input);
                    } finally {
                        listener.advanced();
                    }
                }));
            }
            List<R> results = new ArrayList<>(inputs.size());
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk run interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "messer-bulk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

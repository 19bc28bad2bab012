package dev.messer.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies a task to every input on a fixed pool of worker threads and returns the results in input
 * order. Tasks report their own failures as values; an exception escaping a task is a bug and is
 * rethrown once the pool has stopped.
 */
public final class ParallelMap {

    /** How many times an item AWS throttled past its retries goes back on the queue. */
    static final int MAX_REQUEUES = 5;
    private static final Duration FIRST_REQUEUE_PAUSE = Duration.ofMillis(500);

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

    /**
     * Like {@link #map}, then puts the inputs whose result {@code throttled} says AWS throttled back
     * on the queue, up to {@link #MAX_REQUEUES} times with a growing pause, before their result stands.
     */
    static <T, R> List<R> mapRequeuing(List<T> inputs, int parallel, String phase, BulkListener listener,
                                       Function<T, R> task, Predicate<R> throttled) {
        List<R> results = new ArrayList<>(map(inputs, parallel, phase, listener, task));
        Duration pause = FIRST_REQUEUE_PAUSE;
        for (int round = 0; round < MAX_REQUEUES; round++) {
            List<Integer> again = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                if (throttled.test(results.get(i))) {
                    again.add(i);
                }
            }
            if (again.isEmpty()) {
                break;
            }
            sleep(pause);
            pause = pause.multipliedBy(2);
            List<R> retried = map(again.stream().map(inputs::get).toList(), parallel, phase + " (throttled, again)",
                    listener, task);
            for (int i = 0; i < again.size(); i++) {
                results.set(again.get(i), retried.get(i));
            }
        }
        return results;
    }

    /**
     * Like {@link #mapRequeuing}, but hands each final result to {@code sink} (from the worker
     * threads, in no particular order) instead of returning them all: only the throttled inputs of a
     * round are held for the next.
     */
    public static <T, R> void forEachRequeuing(List<T> inputs, int parallel, String phase, BulkListener listener,
                                        Function<T, R> task, Predicate<R> throttled, BiConsumer<T, R> sink) {
        List<T> pending = inputs;
        String name = phase;
        Duration pause = FIRST_REQUEUE_PAUSE;
        for (int round = 0; ; round++) {
            boolean lastRound = round == MAX_REQUEUES;
            Queue<T> again = new ConcurrentLinkedQueue<>();
            map(pending, parallel, name, listener, input -> {
                R result = task.apply(input);
                if (!lastRound && throttled.test(result)) {
                    again.add(input);
                } else {
                    sink.accept(input, result);
                }
                return null;
            });
            if (again.isEmpty()) {
                return;
            }
            sleep(pause);
            pause = pause.multipliedBy(2);
            pending = List.copyOf(again);
            name = phase + " (throttled, again)";
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk run interrupted", e);
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

package dev.messer.bulk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The worker threads of a bulk run. Inputs are taken from an iterator on the calling thread, one
 * at a time, and each is handed to a thread as soon as fewer items are in flight than its
 * {@link AdaptiveConcurrency} allows, so a run over any number of items holds only those in flight.
 * Threads are made as the limit needs them and reused. Tasks report their own failures as values;
 * an exception escaping a task is a bug: no further input is started, and it is rethrown once the
 * items in flight have finished. When items keep failing because the service cannot be reached
 * ({@link ConnectionBreaker}), no further input is started either, and the run ends normally,
 * saying so ({@link #unreachable()}).
 */
final class BulkWorkers implements AutoCloseable {

    /** How many times an item AWS throttled past its retries goes back on the queue. */
    static final int MAX_REQUEUES = 5;
    private static final Duration FIRST_REQUEUE_PAUSE = Duration.ofMillis(500);

    private final AdaptiveConcurrency concurrency;
    private final BulkListener listener;
    private final ExecutorService threads;
    private final ConnectionBreaker breaker = new ConnectionBreaker(System::nanoTime);
    private final Object lock = new Object();
    private int inFlight;
    private Throwable failure;

    BulkWorkers(AdaptiveConcurrency concurrency, BulkListener listener) {
        this.concurrency = concurrency;
        this.listener = listener;
        this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                workers());
    }

    /** The service and endpoint ("S3 at URL") that stopped the run because it could not be reached. */
    Optional<String> unreachable() {
        return breaker.open();
    }

    /** What the number of items in flight did so far. */
    ConcurrencyTrace concurrency() {
        return concurrency.trace();
    }

    /**
     * Applies {@code task} to every input and hands each result to {@code sink} (from the worker
     * threads, in no particular order). {@code outcome} says what a result means for the run (null
     * when it is a step that succeeded): inputs AWS kept throttling are put back on the queue, up to
     * {@link #MAX_REQUEUES} times with a growing pause, before their result stands (only those are
     * held between rounds); inputs that found the service unreachable feed the {@link ConnectionBreaker}.
     *
     * @param total how many inputs there are, for the progress display
     */
    <T, R> void forEach(String phase, int total, Iterator<? extends T> inputs, Function<T, R> task,
                        Function<R, ItemResult> outcome, BiConsumer<T, R> sink) {
        concurrency.newPhase();
        Iterator<? extends T> pending = inputs;
        int count = total;
        String name = phase;
        Duration pause = FIRST_REQUEUE_PAUSE;
        for (int round = 0; ; round++) {
            boolean lastRound = round == MAX_REQUEUES;
            Queue<T> again = new ConcurrentLinkedQueue<>();
            listener.phase(name, count);
            run(pending, input -> {
                R result = task.apply(input);
                ItemResult meaning = outcome.apply(result);
                if (!lastRound && meaning != null && meaning.throttled()) {
                    again.add(input);
                } else {
                    sink.accept(input, result);
                }
                return meaning;
            });
            if (again.isEmpty() || breaker.open().isPresent()) {
                return;
            }
            sleep(pause);
            pause = pause.multipliedBy(2);
            List<T> retry = List.copyOf(again);
            pending = retry.iterator();
            count = retry.size();
            name = phase + " (throttled, again)";
        }
    }

    /**
     * {@code task} over {@code inputs} with {@code parallel} in flight, the results in input order
     * (for scans whose inputs are already in memory).
     */
    static <T, R> List<R> map(List<T> inputs, int parallel, String phase, BulkListener listener, Function<T, R> task) {
        Object[] results = new Object[inputs.size()];
        List<Integer> indexes = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            indexes.add(i);
        }
        try (BulkWorkers workers = new BulkWorkers(AdaptiveConcurrency.pinned(parallel), listener)) {
            workers.forEach(phase, inputs.size(), indexes.iterator(), i -> task.apply(inputs.get(i)), r -> null,
                    (i, r) -> results[i] = r);
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }

    /** Runs {@code task} on every input, within the limit; {@code task} says what became of its item. */
    private <T> void run(Iterator<? extends T> inputs, Function<T, ItemResult> task) {
        try {
            while (inputs.hasNext()) {
                T input = inputs.next();
                if (!awaitSlot()) {
                    break;
                }
                threads.execute(() -> work(input, task));
            }
        } finally {
            awaitIdle();
        }
        Throwable failed;
        synchronized (lock) {
            failed = failure;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    private <T> void work(T input, Function<T, ItemResult> task) {
        boolean throttled = false;
        try {
            ItemResult result = task.apply(input);
            throttled = result != null && result.throttled();
            breaker.finished(result);
        } catch (Throwable t) {
            synchronized (lock) {
                if (failure == null) {
                    failure = t;
                }
            }
        } finally {
            concurrency.finished(throttled);
            listener.advanced();
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    /** Waits until one more item may start; false when a task failed, or the breaker opened, and nothing more may. */
    private boolean awaitSlot() {
        synchronized (lock) {
            while (failure == null && breaker.open().isEmpty() && inFlight >= concurrency.limit()) {
                waitOn();
            }
            if (failure != null || breaker.open().isPresent()) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    private void awaitIdle() {
        synchronized (lock) {
            while (inFlight > 0) {
                waitOn();
            }
        }
    }

    private void waitOn() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bulk run interrupted", e);
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

    @Override
    public void close() {
        threads.shutdownNow();
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

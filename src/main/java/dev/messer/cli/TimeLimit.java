package dev.messer.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs work on a daemon thread and waits for it at most a given time; a late daemon thread does not
 * keep the process alive. {@link #within} gives nothing for work that is late or fails (completion);
 * {@link #required} fails a command whose work is late, and passes the work's own failure on.
 */
public final class TimeLimit {

    private TimeLimit() {
    }

    public static <T> Optional<T> within(Duration limit, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = start(work, result);
        try {
            return Optional.ofNullable(result.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            thread.interrupt();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The work's result, or {@code late} thrown once {@code limit} has passed (the work is
     * interrupted and left to end on its daemon thread). An exception of the work is rethrown as it is.
     */
    public static <T> T required(Duration limit, Supplier<? extends RuntimeException> late, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = start(work, result);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw late.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw late.get();
        }
    }

    private static <T> Thread start(Callable<T> work, CompletableFuture<T> result) {
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "messer-time-limited");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

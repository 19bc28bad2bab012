package dev.messer.cli;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a daemon thread and waits for it at most a given time. Work that is late or fails
 * gives nothing; a late daemon thread does not keep the process alive.
 */
public final class TimeLimit {

    private TimeLimit() {
    }

    public static <T> Optional<T> within(Duration limit, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "messer-time-limited");
        thread.setDaemon(true);
        thread.start();
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
}

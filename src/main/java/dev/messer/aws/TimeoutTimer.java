package dev.messer.aws;

import java.util.concurrent.Callable;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The scheduler of the SDK's call timeouts, shared by a factory's clients. The SDK schedules a
 * timeout task for each call ({@code api_call_timeout}) and cancels it when the call ends; on the
 * scheduler the SDK makes itself, a cancelled task stays queued until its delay would have passed.
 * A bulk run makes two calls per item, so with a timeout of 300 s its heap held some 50,000
 * cancelled tasks (3 to 4 MB, rising and falling with the rate of calls). This scheduler drops a
 * task when it is cancelled. Its one daemon thread starts with the first client.
 */
final class TimeoutTimer implements SdkAutoCloseable {

    private final LongAdder scheduled = new LongAdder();
    private ScheduledThreadPoolExecutor executor;

    synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = new ScheduledThreadPoolExecutor(1, run -> {
                Thread thread = new Thread(run, "messer-aws-timeouts");
                thread.setDaemon(true);
                return thread;
            }) {
                @Override
                protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
                    scheduled.increment();
                    return task;
                }

                @Override
                protected <V> RunnableScheduledFuture<V> decorateTask(Callable<V> callable, RunnableScheduledFuture<V> task) {
                    scheduled.increment();
                    return task;
                }
            };
            executor.setRemoveOnCancelPolicy(true);
        }
        return executor;
    }

    /** Tasks waiting to run (cancelled ones are not kept). */
    synchronized int waiting() {
        return executor == null ? 0 : executor.getQueue().size();
    }

    /** Tasks scheduled since the scheduler started. */
    long scheduled() {
        return scheduled.sum();
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

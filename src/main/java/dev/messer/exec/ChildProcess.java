package dev.messer.exec;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process with exactly the given environment and the parent's standard
 * streams, and returns its exit status. While it runs, SIGTERM and SIGINT sent to this process are
 * passed on to the child (see {@link SignalForwarder}), and a shutdown hook ends the child if this
 * process exits any other way, so no child outlives messer unnoticed.
 */
public final class ChildProcess {

    /** How long the shutdown hook gives the child to exit after SIGTERM before it is killed. */
    static final long GRACE_SECONDS = 10;

    private ChildProcess() {
    }

    /**
     * @param environment the child's whole environment (see {@link ChildEnvironment}); the command is
     *                    looked up on the PATH of this process
     * @return the child's exit status (128 + signal number if a signal ended it)
     * @throws IOException if the command cannot be started
     */
    public static int run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        try (SignalForwarder forwarding = SignalForwarder.install()) {
            Process child = builder.start();
            Thread hook = new Thread(() -> endChild(child), "messer-exec-child-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                forwarding.attach(child);
                return child.waitFor();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run: it ends the child
                }
            }
        }
    }

    private static void endChild(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

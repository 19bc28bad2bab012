package dev.messer.exec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Passes SIGTERM and SIGINT received by this process on to a child, as the same signal, instead of
 * ending this process: the child decides how to stop, and its exit status becomes ours (what an
 * init process in a container does). Installed before the child starts, so no signal falls in
 * between: one that arrives before {@link #attach} is sent as soon as the child exists. Closing
 * restores the previous handlers.
 */
final class SignalForwarder implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("TERM", "INT");

    private final List<Installed> installed = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private Process child;

    private record Installed(Signal signal, SignalHandler previous) {
    }

    static SignalForwarder install() {
        SignalForwarder forwarder = new SignalForwarder();
        for (String name : FORWARDED) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, received -> forwarder.received(name));
                forwarder.installed.add(new Installed(signal, previous));
            } catch (IllegalArgumentException unsupported) {
                // the platform has no such signal or reserves it: the shutdown hook still ends the child
            }
        }
        return forwarder;
    }

    /** The child to forward to; signals received before it existed are sent now. */
    void attach(Process process) {
        List<String> toSend;
        synchronized (this) {
            child = process;
            toSend = new ArrayList<>(pending);
            pending.clear();
        }
        toSend.forEach(name -> send(name, process));
    }

    private void received(String name) {
        Process target;
        synchronized (this) {
            target = child;
            if (target == null) {
                pending.add(name);
                return;
            }
        }
        send(name, target);
    }

    /**
     * Sends the named signal to the child with kill(1), which gets a pristine environment (it needs
     * none, and never messer's secrets); falls back to SIGTERM through the JDK.
     */
    private static void send(String name, Process child) {
        if (!child.isAlive()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder("kill", "-" + name, Long.toString(child.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(ChildEnvironment.pristine(System.getenv()));
            Process kill = builder.start();
            if (kill.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill(1) on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        child.destroy();
    }

    @Override
    public void close() {
        for (Installed entry : installed) {
            Signal.handle(entry.signal(), entry.previous());
        }
    }
}

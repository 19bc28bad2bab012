package dev.messer.spring;

import dev.messer.library.Messer;
import dev.messer.library.MesserClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The clients of one application run, one per profile, configuration file and last-known-good copy:
 * every import of that run shares it, so each data key version is unwrapped once (one KMS call)
 * however many items it imports. Made by the resolver of the run, so no static state outlives it,
 * and closed (every key wiped) once the application has started or failed.
 */
final class MesserImports {

    /** What a client is opened with; null fields take the command line's defaults. */
    record Key(String profile, Path config, Path lastKnownGood, Duration maxAge) {

        String profileName() {
            return profile == null ? "chosen by MESSER_PROFILE or default_profile" : profile;
        }

        String configName() {
            return config == null ? "MESSER_CONFIG or the default file" : config.toString();
        }
    }

    private final Map<Key, MesserClient> clients = new ConcurrentHashMap<>();
    private final Consumer<String> warnings;
    private volatile boolean closed;

    MesserImports(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    MesserClient client(Key key) {
        if (closed) {
            throw new IllegalStateException("the messer imports of this application run are closed");
        }
        return clients.computeIfAbsent(key, this::open);
    }

    private MesserClient open(Key key) {
        Messer messer = Messer.profile(key.profile()).config(key.config()).warnings(warnings);
        if (key.lastKnownGood() != null) {
            messer.lastKnownGood(key.lastKnownGood(), key.maxAge());
        }
        return messer.open();
    }

    /** Wipes every data key and closes every client; later imports of this run are refused. */
    void close() {
        closed = true;
        for (Key key : clients.keySet()) {
            MesserClient client = clients.remove(key);
            if (client != null) {
                client.close();
            }
        }
    }
}

package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.regions.RegionalReads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backends of a profile that spans regions: one per region for writes (the home region's is the
 * session's own backend), one per region for reads (the nearest region's tuned to give up after
 * {@code failover_after}), and the order reads take.
 *
 * @param regions the regions, the home region first
 * @param writers each region's backend with the profile's own timeouts and retries
 * @param readers each region's backend for reads
 */
record RegionalBackends(List<String> regions, Map<String, Backend> writers, Map<String, Backend> readers,
                        RegionalReads reads) {

    RegionalBackends {
        writers = new LinkedHashMap<>(writers);
        readers = new LinkedHashMap<>(readers);
    }

    /** Closes every backend but the home region's writer, which the session closes. */
    void closeOthers(Backend home) {
        RuntimeException first = null;
        for (Backend backend : java.util.stream.Stream.concat(writers.values().stream(), readers.values().stream())
                .distinct().toList()) {
            if (backend == home) {
                continue;
            }
            try {
                backend.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}

package dev.messer.app;

import dev.messer.backend.Backend;
import dev.messer.keys.KeyRing;
import dev.messer.keys.RingChoice;
import dev.messer.regions.FailoverBlobStore;
import dev.messer.regions.RegionKeyRing;
import dev.messer.regions.RegionalKeys;
import dev.messer.store.BlobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The key rings and stores of a session's regions: for a profile of one region, its key ring and
 * secrets bucket alone; for a profile that spans regions, a ring per region for writes and one per
 * region for reads, and a secrets bucket whose reads fail over.
 */
final class RegionRings implements AutoCloseable {

    private final RegionalBackends regional;
    private final Backend home;
    private final List<KeyRing> own = new ArrayList<>();
    private final RegionalKeys keys;
    private final RingChoice reads;
    private final BlobStore secrets;

    /** @param rings makes the key ring of a region's backend (the rings it makes for other regions it closes) */
    RegionRings(RegionalBackends regional, Backend home, KeyRing homeRing, Function<Backend, KeyRing> rings) {
        this.regional = regional;
        this.home = home;
        if (regional == null) {
            this.keys = new RegionalKeys(List.of(new RegionKeyRing("", homeRing)));
            this.reads = RingChoice.only(homeRing);
            this.secrets = home.secrets();
            return;
        }
        List<RegionKeyRing> writeRings = new ArrayList<>();
        Map<String, KeyRing> readRings = new LinkedHashMap<>();
        Map<String, BlobStore> readStores = new LinkedHashMap<>();
        for (String region : regional.regions()) {
            Backend writer = regional.writers().get(region);
            writeRings.add(new RegionKeyRing(region, writer == home ? homeRing : ring(writer, rings)));
            Backend reader = regional.readers().get(region);
            readRings.put(region, reader == home ? homeRing : ring(reader, rings));
            readStores.put(region, reader.secrets());
        }
        this.keys = new RegionalKeys(writeRings);
        this.reads = new RingChoice() {
            @Override
            public <T> T read(Function<KeyRing, T> call) {
                return regional.reads().read(readRings, call, answer -> false);
            }
        };
        this.secrets = new FailoverBlobStore(home.secrets(), readStores, regional.reads());
    }

    private KeyRing ring(Backend backend, Function<Backend, KeyRing> rings) {
        KeyRing ring = rings.apply(backend);
        own.add(ring);
        return ring;
    }

    RegionalKeys keys() {
        return keys;
    }

    RingChoice reads() {
        return reads;
    }

    BlobStore secrets() {
        return secrets;
    }

    /** Each region's own secrets bucket, without fail-over, the home region's first; empty for one region. */
    Map<String, BlobStore> secretsByRegion() {
        Map<String, BlobStore> byRegion = new LinkedHashMap<>();
        if (regional != null) {
            regional.regions().forEach(region -> byRegion.put(region, regional.writers().get(region).secrets()));
        }
        return byRegion;
    }

    List<String> readOrder() {
        return regional == null ? List.of() : regional.reads().order();
    }

    /** Wipes the keys the rings of the other regions handed out. */
    @Override
    public void close() {
        own.forEach(KeyRing::close);
    }

    void closeBackends() {
        if (regional != null) {
            regional.closeOthers(home);
        }
    }
}

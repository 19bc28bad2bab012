package dev.messer.regions;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EncryptionContext;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.keys.VersionWraps;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The data keys of a profile that spans regions. Every version is written first in the home region,
 * then to every other region's keys bucket under the same number, wrapped by that region's own
 * master key (unwrapped in the home region, wrapped again in the other): so each region reads its
 * keys with its own KMS key alone, as a Messer deployment of one region does. Deletions leave a
 * tombstone in every region. A region that cannot be written is reported as behind; {@link #sync}
 * brings it up to date and never overwrites a version that differs.
 */
public final class RegionalKeys {

    private final RegionKeyRing home;
    private final List<RegionKeyRing> others;

    /** @param rings every region's ring, the home region's first */
    public RegionalKeys(List<RegionKeyRing> rings) {
        this.home = rings.get(0);
        this.others = List.copyOf(rings.subList(1, rings.size()));
    }

    public String homeRegion() {
        return home.region();
    }

    public Behind<KeyRef> create(String name) {
        KeyRef ref = home.ring().create(name);
        return new Behind<>(ref, everywhere(region -> copyOrRefuse(ref, region)));
    }

    public Behind<KeyRef> increment(String name) {
        KeyRef ref = home.ring().increment(name);
        return new Behind<>(ref, everywhere(region -> copyOrRefuse(ref, region)));
    }

    public Behind<KeyRef> deleteVersion(KeyRef ref) {
        home.ring().deleteVersion(ref);
        return new Behind<>(ref, everywhere(region -> region.ring().markDeleted(ref)));
    }

    public Behind<List<KeyRef>> deleteKey(String name) {
        List<KeyRef> deleted = home.ring().deleteKey(name);
        return new Behind<>(deleted, everywhere(region -> {
            deleted.forEach(region.ring()::markDeleted);
            try {
                region.ring().deleteKey(name);
            } catch (NotFoundException nothingLeft) {
                // every version was retired above and there is no marker
            }
        }));
    }

    /** How each other region's data keys differ from the home region's, from listings alone (no unwrap). */
    public List<KeyDrift> drift() {
        List<KeyDrift> drift = new ArrayList<>();
        for (RegionKeyRing region : others) {
            drift.addAll(compare(region));
        }
        return drift;
    }

    /**
     * Brings every other region up to date: copies the versions it lacks and retires those deleted in
     * the home region. A version it holds is unwrapped in both regions and compared; one that differs
     * is reported and left as it is. Running it again changes nothing.
     *
     * @param done hears each version that was not already the same
     * @return the regions that could not be brought up to date, with the reason
     */
    public SortedMap<String, String> sync(Consumer<KeyDrift> done) {
        SortedMap<String, String> failed = new TreeMap<>();
        for (RegionKeyRing region : others) {
            try {
                for (KeyDrift drift : compare(region)) {
                    KeyDrift result = repair(region, drift);
                    done.accept(result);
                    if (!result.kind().repairable()) {
                        failed.putIfAbsent(region.region(), result.ref() + " " + result.kind().state());
                    }
                }
                for (KeyRef ref : common(region)) {
                    if (!sameKey(ref, region)) {
                        done.accept(new KeyDrift(region.region(), ref, KeyDrift.Kind.DIFFERS));
                        failed.putIfAbsent(region.region(), ref + " " + KeyDrift.Kind.DIFFERS.state());
                    }
                }
            } catch (MesserException e) {
                failed.put(region.region(), e.getMessage());
            }
        }
        return failed;
    }

    /** The regions other than the home region, in the profile's order. */
    public List<String> otherRegions() {
        return others.stream().map(RegionKeyRing::region).toList();
    }

    /**
     * How {@code region}'s data keys differ from the home region's, for {@code bulk sync}: what
     * {@link #drift()} lists for it, and each version both hold whose keys differ (both unwrapped).
     */
    public List<KeyDrift> differences(String region) {
        RegionKeyRing there = other(region);
        List<KeyDrift> all = new ArrayList<>(compare(there));
        for (KeyRef ref : common(there)) {
            if (!sameKey(ref, there)) {
                all.add(new KeyDrift(region, ref, KeyDrift.Kind.DIFFERS));
            }
        }
        return all;
    }

    /**
     * Makes one version of a region match the home region, for {@code bulk sync}, which replaces the
     * region's items too: copies a version the region lacks (one it deleted included), retires one
     * deleted in the home region, and replaces one that holds another key with the home region's key,
     * wrapped by the region's own master key, checked by unwrapping and written only over the object
     * it read. A version only the region holds is left as it is.
     */
    public void align(KeyDrift drift) {
        RegionKeyRing there = other(drift.region());
        KeyRef ref = drift.ref();
        switch (drift.kind()) {
            case MISSING, DELETED_HERE -> copyOrRefuse(ref, there);
            case DELETED_AT_HOME -> there.ring().markDeleted(ref);
            case DIFFERS -> {
                VersionWraps wraps = new VersionWraps(there.ring());
                VersionWraps.Stored stored = wraps.stored(ref).orElseThrow(() -> new NotFoundException(
                        "encryption key " + ref + " vanished from region " + there.region() + " while it was replaced"));
                try (DataKey key = home.ring().forReading(ref)) {
                    wraps.replaceKey(stored, key, homeContext(ref));
                }
            }
            case EXTRA -> {
            }
        }
    }

    /** The key ring of {@code region}: its keys bucket, wrapped by its own master key. */
    public KeyRing ring(String region) {
        return region.equals(home.region()) ? home.ring() : other(region).ring();
    }

    private RegionKeyRing other(String region) {
        return others.stream().filter(r -> r.region().equals(region)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not another region of the profile: " + region));
    }

    private EncryptionContext homeContext(KeyRef ref) {
        return home.ring().storedContext(ref).orElseThrow(() -> new NotFoundException(
                "encryption key " + ref + " vanished from the home region " + home.region() + " while it was copied"));
    }

    private KeyDrift repair(RegionKeyRing region, KeyDrift drift) {
        switch (drift.kind()) {
            case MISSING -> {
                if (copy(drift.ref(), region)) {
                    return drift;
                }
                return new KeyDrift(region.region(), drift.ref(), KeyDrift.Kind.DIFFERS);
            }
            case DELETED_AT_HOME -> region.ring().markDeleted(drift.ref());
            default -> {
            }
        }
        return drift;
    }

    private List<KeyDrift> compare(RegionKeyRing region) {
        List<KeyDrift> drift = new ArrayList<>();
        SortedMap<String, SortedSet<Integer>> homeDeleted = home.ring().deletedVersions();
        SortedMap<String, SortedSet<Integer>> thereDeleted = region.ring().deletedVersions();
        Set<String> names = new TreeSet<>(home.ring().names());
        names.addAll(homeDeleted.keySet());
        names.addAll(region.ring().names());
        for (String name : names) {
            Set<Integer> atHome = new TreeSet<>(home.ring().versions(name));
            Set<Integer> there = new TreeSet<>(region.ring().versions(name));
            Set<Integer> deletedAtHome = homeDeleted.getOrDefault(name, new TreeSet<>());
            Set<Integer> deletedThere = thereDeleted.getOrDefault(name, new TreeSet<>());
            for (int version : atHome) {
                if (deletedThere.contains(version) && !there.contains(version)) {
                    drift.add(new KeyDrift(region.region(), new KeyRef(name, version), KeyDrift.Kind.DELETED_HERE));
                } else if (!there.contains(version)) {
                    drift.add(new KeyDrift(region.region(), new KeyRef(name, version), KeyDrift.Kind.MISSING));
                }
            }
            for (int version : deletedAtHome) {
                if (there.contains(version) || !deletedThere.contains(version)) {
                    drift.add(new KeyDrift(region.region(), new KeyRef(name, version),
                            KeyDrift.Kind.DELETED_AT_HOME));
                }
            }
            for (int version : there) {
                if (!atHome.contains(version) && !deletedAtHome.contains(version)) {
                    drift.add(new KeyDrift(region.region(), new KeyRef(name, version), KeyDrift.Kind.EXTRA));
                }
            }
        }
        return drift;
    }

    /** The versions both the home region and {@code region} hold. */
    private List<KeyRef> common(RegionKeyRing region) {
        List<KeyRef> both = new ArrayList<>();
        for (String name : home.ring().names()) {
            List<Integer> there = region.ring().versions(name);
            home.ring().versions(name).stream().filter(there::contains).forEach(v -> both.add(new KeyRef(name, v)));
        }
        return both;
    }

    private void copyOrRefuse(KeyRef ref, RegionKeyRing region) {
        if (!copy(ref, region)) {
            throw new IntegrityException("its keys bucket holds another key as " + ref + "; it was left as it is "
                    + "(see 'encryption sync' in docs/aws.md)");
        }
    }

    /** Copies {@code ref} from the home region; false if the region holds another key under that number. */
    private boolean copy(KeyRef ref, RegionKeyRing region) {
        try (DataKey key = home.ring().forReading(ref)) {
            EncryptionContext context = homeContext(ref);
            region.ring().importVersion(ref, key, context);
            return true;
        } catch (AlreadyExistsException there) {
            return sameKey(ref, region);
        }
    }

    private boolean sameKey(KeyRef ref, RegionKeyRing region) {
        try (DataKey there = region.ring().forReading(ref); DataKey here = home.ring().forReading(ref)) {
            return there.sameAs(here);
        }
    }

    /** Runs {@code write} for every other region; returns those it failed for, with the reason. */
    private SortedMap<String, String> everywhere(RegionWrite write) {
        SortedMap<String, String> behind = new TreeMap<>();
        for (RegionKeyRing region : others) {
            try {
                write.apply(region);
            } catch (MesserException e) {
                behind.put(region.region(), e.getMessage());
            }
        }
        return behind;
    }

    private interface RegionWrite {
        void apply(RegionKeyRing region);
    }

    /** The ring of the home region. */
    public KeyRing home() {
        return home.ring();
    }
}

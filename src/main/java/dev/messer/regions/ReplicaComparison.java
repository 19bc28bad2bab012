package dev.messer.regions;

import dev.messer.error.MesserException;
import dev.messer.names.Names;
import dev.messer.store.BlobStore;
import dev.messer.store.LatestVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares each region's secrets bucket with the home region's from listings alone: no object is
 * read, nothing is decrypted, no KMS call is made. S3 Replication gives a replica the version id of
 * its source, so the same version id is the same object; where the ids differ (a copy made another
 * way), the same entity tag and size are. A secondary bucket refuses every write but the
 * replication role's, so any other difference is replication lag.
 */
public final class ReplicaComparison {

    /** The version id S3 gives objects written without versioning: it names no particular object. */
    private static final String UNVERSIONED = "null";

    private ReplicaComparison() {
    }

    /** How one region's copy of an object, seen from the home region's: whether it matches, or how it differs. */
    public enum Match { HOME, SAME, DIFFERS, UNKNOWN }

    /**
     * One region's copy of one object.
     *
     * @param latest  its newest entry there; empty when the region holds no trace of it
     * @param match   how it compares with the home region's
     * @param drift   how it differs, when it does
     * @param failure why the region could not be listed (then {@code latest} is empty and the match unknown)
     */
    public record RegionCopy(String region, Optional<LatestVersion> latest, Match match,
                             Optional<ReplicaDrift.Kind> drift, Optional<String> failure) {
    }

    /** Whether two entries are the same stored object (both live). */
    public static boolean same(LatestVersion a, LatestVersion b) {
        if (!a.versionId().equals(UNVERSIONED) && a.versionId().equals(b.versionId())) {
            return true;
        }
        return !a.etag().isEmpty() && a.etag().equals(b.etag()) && a.size() == b.size();
    }

    /**
     * How a region's entry differs from the home region's; empty when they agree (the same object,
     * or no live object in either).
     *
     * @param home  the home region's newest entry, or null when it holds no trace of the key
     * @param there the region's, or null
     */
    public static Optional<ReplicaDrift.Kind> differs(LatestVersion home, LatestVersion there) {
        boolean liveHere = there != null && !there.deleted();
        if (home == null) {
            return liveHere ? Optional.of(ReplicaDrift.Kind.ONLY_HERE) : Optional.empty();
        }
        if (home.deleted()) {
            return liveHere ? Optional.of(ReplicaDrift.Kind.DELETED_AT_HOME) : Optional.empty();
        }
        if (!liveHere) {
            return Optional.of(ReplicaDrift.Kind.MISSING);
        }
        return same(home, there) ? Optional.empty() : Optional.of(ReplicaDrift.Kind.OLDER);
    }

    /**
     * Compares every region after the first with the first (the home region) under {@code prefix},
     * each by one pass over both listings.
     *
     * @param byRegion each region's secrets bucket, the home region's first
     */
    public static List<ReplicaDrift> drift(Map<String, BlobStore> byRegion, String prefix) {
        List<String> regions = List.copyOf(byRegion.keySet());
        BlobStore home = byRegion.get(regions.get(0));
        List<ReplicaDrift> drift = new ArrayList<>();
        for (String region : regions.subList(1, regions.size())) {
            drift.add(compare(region, prefix, home.latestVersions(prefix),
                    byRegion.get(region).latestVersions(prefix)));
        }
        return drift;
    }

    /**
     * One pass over two listings in key order (as {@link BlobStore#latestVersions} gives them),
     * holding one entry of each at a time.
     */
    public static ReplicaDrift compare(String region, String prefix, Iterator<LatestVersion> home,
                                       Iterator<LatestVersion> there) {
        ReplicaDrift drift = new ReplicaDrift(region);
        Ordered homeEntries = new Ordered(home);
        Ordered thereEntries = new Ordered(there);
        LatestVersion h = homeEntries.next();
        LatestVersion t = thereEntries.next();
        while (h != null || t != null) {
            int order = h == null ? 1 : t == null ? -1 : LatestVersion.KEY_ORDER.compare(h.key(), t.key());
            LatestVersion atHome = order <= 0 ? h : null;
            LatestVersion here = order >= 0 ? t : null;
            LatestVersion either = atHome != null ? atHome : here;
            drift.compared();
            Optional<ReplicaDrift.Kind> kind = differs(atHome, here);
            kind.ifPresent(k -> drift.add(k, relative(either.key(), prefix), k.lags() ? atHome.modified() : null));
            if (order <= 0) {
                h = homeEntries.next();
            }
            if (order >= 0) {
                t = thereEntries.next();
            }
        }
        return drift;
    }

    /**
     * Each region's copy of one object, the home region's first: one listing of the key per region.
     * A region that cannot be listed is reported as such, and does not stop the others.
     */
    public static List<RegionCopy> copies(String key, Map<String, BlobStore> byRegion) {
        List<RegionCopy> copies = new ArrayList<>();
        LatestVersion home = null;
        boolean homeKnown = false;
        for (Map.Entry<String, BlobStore> region : byRegion.entrySet()) {
            boolean isHome = copies.isEmpty();
            LatestVersion latest;
            try {
                latest = latest(region.getValue(), key);
            } catch (MesserException e) {
                copies.add(new RegionCopy(region.getKey(), Optional.empty(), Match.UNKNOWN, Optional.empty(),
                        Optional.of(e.getMessage())));
                continue;
            }
            if (isHome) {
                home = latest;
                homeKnown = true;
                copies.add(new RegionCopy(region.getKey(), Optional.ofNullable(latest), Match.HOME, Optional.empty(),
                        Optional.empty()));
                continue;
            }
            Optional<ReplicaDrift.Kind> kind = homeKnown ? differs(home, latest) : Optional.empty();
            Match match = !homeKnown ? Match.UNKNOWN : kind.isPresent() ? Match.DIFFERS : Match.SAME;
            copies.add(new RegionCopy(region.getKey(), Optional.ofNullable(latest), match, kind, Optional.empty()));
        }
        return copies;
    }

    /** The newest entry of exactly {@code key}, or null: the listing of the key as a prefix starts with it. */
    private static LatestVersion latest(BlobStore store, String key) {
        Iterator<LatestVersion> entries = store.latestVersions(key);
        while (entries.hasNext()) {
            LatestVersion entry = entries.next();
            if (entry.key().equals(key)) {
                return entry;
            }
            if (LatestVersion.KEY_ORDER.compare(entry.key(), key) > 0) {
                return null;
            }
        }
        return null;
    }

    private static String relative(String key, String prefix) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    /** A listing that must come in key order: a merge of two listings is only right then. */
    private static final class Ordered {
        private final Iterator<LatestVersion> entries;
        private String last;

        Ordered(Iterator<LatestVersion> entries) {
            this.entries = entries;
        }

        LatestVersion next() {
            if (!entries.hasNext()) {
                return null;
            }
            LatestVersion entry = entries.next();
            if (last != null && LatestVersion.KEY_ORDER.compare(last, entry.key()) >= 0) {
                throw new IllegalStateException("a listing came out of key order: " + Names.escaped(entry.key()) + " after "
                        + Names.escaped(last));
            }
            last = entry.key();
            return entry;
        }
    }
}

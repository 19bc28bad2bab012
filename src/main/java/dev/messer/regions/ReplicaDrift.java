package dev.messer.regions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one region's copy of the secrets bucket differs from the home region's, under the profile's
 * prefix: how many objects of each kind of drift, the first few of each, and the home region's
 * oldest change that the region has not caught up with (its lag).
 */
public final class ReplicaDrift {

    /** How many objects of each kind are named. */
    public static final int NAMED = 3;

    /** How an object in a region differs from the home region's. */
    public enum Kind {
        /** Live in the home region; absent (or deleted) here. */
        MISSING("missing"),
        /** Live in both, but not the same object: the home region's is newer. */
        OLDER("older than the home region's"),
        /** Deleted in the home region (its newest entry is a delete marker); still live here. */
        DELETED_AT_HOME("deleted in the home region but still here"),
        /** Live here; the home region holds no trace of it (purged there, or written here). */
        ONLY_HERE("not in the home region at all");

        private final String state;

        Kind(String state) {
            this.state = state;
        }

        /** How the object differs: "missing". */
        public String state() {
            return state;
        }

        /** Whether the home region's change behind it has a time, from which its lag counts. */
        public boolean lags() {
            return this != ONLY_HERE;
        }
    }

    private final String region;
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, List<String>> named = new EnumMap<>(Kind.class);
    private int compared;
    private Instant oldest;
    private String oldestKey;

    ReplicaDrift(String region) {
        this.region = region;
    }

    /** Counts one object the home region or this region holds. */
    void compared() {
        compared++;
    }

    /** Counts one object that differs; {@code since} is the home region's change behind it, or null. */
    void add(Kind kind, String key, Instant since) {
        counts.merge(kind, 1, Integer::sum);
        List<String> keys = named.computeIfAbsent(kind, k -> new ArrayList<>());
        if (keys.size() < NAMED) {
            keys.add(key);
        }
        if (since != null && (oldest == null || since.isBefore(oldest))) {
            oldest = since;
            oldestKey = key;
        }
    }

    public String region() {
        return region;
    }

    /** How many objects were looked at, in either region. */
    public int objects() {
        return compared;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** How many objects differ this way. */
    public int count(Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** The first objects (keys under the prefix) that differ this way, at most {@value #NAMED}. */
    public List<String> named(Kind kind) {
        return Collections.unmodifiableList(named.getOrDefault(kind, List.of()));
    }

    /** When the oldest home-region change this region lacks was made; empty when there is none. */
    public Optional<Instant> oldestChange() {
        return Optional.ofNullable(oldest);
    }

    /** The object of {@link #oldestChange}. */
    public Optional<String> oldestKey() {
        return Optional.ofNullable(oldestKey);
    }

    /** How long ago the oldest change was made, as of {@code now}. */
    public Optional<Duration> lag(Instant now) {
        return oldestChange().map(at -> at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
    }

    /** A lag for people: {@code 45s}, {@code 3m 12s}, {@code 2h 5m}, {@code 3d 4h}. */
    public static String words(Duration lag) {
        long s = lag.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + s % 60 + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h " + s % 3600 / 60 + "m";
        }
        return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
    }
}

package dev.messer.bulk;

import dev.messer.databag.ItemService;
import dev.messer.keys.KeyRef;
import dev.messer.regions.KeyDrift;
import dev.messer.regions.RegionalKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The data-key step of {@code bulk sync} for one region, in an order that keeps every item of the
 * region readable there: first the versions the region lacks are copied; then each item that stays
 * in the region (an extra kept, a bag out of scope) and is sealed with a version about to be
 * replaced or retired is sealed again, in the region, with the latest version of its key that the
 * region now holds as the home region does; only then are the differing versions replaced (each
 * announced first) and those deleted in the home region retired. When an item could not be read,
 * or could not be moved, no version is replaced or retired, and what was held back is returned.
 */
final class KeyAlignment {

    private static final Comparator<KeyRef> ORDER = Comparator.comparing(KeyRef::name).thenComparingInt(KeyRef::version);

    private final BulkRun run;
    private final RegionalKeys keys;
    private final String region;
    private final Consumer<String> announce;
    private final List<String> plan;
    private final List<KeyRef> written = new ArrayList<>();

    KeyAlignment(BulkRun run, RegionalKeys keys, String region, Consumer<String> announce, List<String> plan) {
        this.run = run;
        this.keys = keys;
        this.region = region;
        this.announce = announce;
        this.plan = plan;
    }

    /** @return the versions left differing in the region (the home items sealed with them are not copied) */
    Set<KeyRef> align(List<KeyDrift> drift, RegionScan scan, ItemService items) {
        List<KeyDrift> replacing = new ArrayList<>();
        for (KeyDrift d : drift) {
            String key = "key " + d.ref() + " in " + region;
            switch (d.kind()) {
                case EXTRA -> plan.add(key + " exists only there; left as it is");
                case MISSING, DELETED_HERE -> act(d, "copy", "copied", " from the home region, wrapped by " + region
                        + "'s master key");
                default -> replacing.add(d);
            }
        }
        Set<KeyRef> held = new TreeSet<>(ORDER);
        if (replacing.isEmpty()) {
            return held;
        }
        Set<KeyRef> replaced = new TreeSet<>(ORDER);
        replacing.forEach(d -> replaced.add(d.ref()));
        Optional<String> blocker = scan.blocker().or(() -> moveStaying(scan, items, replaced));
        for (KeyDrift d : replacing) {
            boolean differs = d.kind() == KeyDrift.Kind.DIFFERS;
            String verb = differs ? "replace" : "retire";
            String why = differs ? ": it holds another key than the home region's"
                    : ": it was deleted in the home region";
            if (blocker.isPresent()) {
                held.add(d.ref());
                plan.add("left key " + d.ref() + " in " + region + " as it is (not " + verb + "d" + why + "): "
                        + blocker.get());
            } else {
                act(d, verb, verb + "d", why);
            }
        }
        return held;
    }

    private void act(KeyDrift d, String verb, String past, String why) {
        String key = "key " + d.ref() + " in " + region;
        if (run.dryRun()) {
            plan.add("would " + verb + " " + key + why);
            return;
        }
        if (d.kind() == KeyDrift.Kind.DIFFERS) {
            announce.accept("replacing " + key + why + "; its items there are replaced by the home region's");
        }
        keys.align(d);
        written.add(d.ref());
        plan.add(past + " " + key + why);
    }

    /** The key versions this step wrote in the region: copied, replaced or retired. */
    List<KeyRef> written() {
        return List.copyOf(written);
    }

    /**
     * Seals each staying item sealed with one of {@code replaced} again, in the region, with the
     * latest version of its key that is not replaced; returns why that could not be done for every one.
     */
    private Optional<String> moveStaying(RegionScan scan, ItemService items, Set<KeyRef> replaced) {
        Map<String, Optional<KeyRef>> targets = new HashMap<>();
        Map<String, String> problems = new ConcurrentHashMap<>();
        Resealing resealing = new Resealing(items, ConcurrentHashMap.newKeySet());
        run.workers().forEach("moving items of " + region, scan.moving().size(), scan.moving().iterator(), item -> {
            KeyRef from = item.read().item().keyRef();
            Optional<KeyRef> target;
            synchronized (targets) {
                target = targets.computeIfAbsent(from.name(), name -> latestKept(name, replaced));
            }
            if (target.isEmpty()) {
                problems.putIfAbsent("none", "item " + item.path() + ", which stays in " + region + ", is sealed with "
                        + from + " and the home region has no other version of key " + from.name() + " to move it to; "
                        + "add one with 'messer encryption increment aws " + from.name() + "' (or delete such items "
                        + "with --delete-extra), and run again");
                return ItemResult.skipped(item.path(), "stays in " + region + " on " + from
                        + ", which differs from the home region's; not moved (see above)");
            }
            ItemResult moved = resealing.apply(item, target.get(), run.dryRun());
            if (moved.outcome() != Outcome.DONE) {
                problems.putIfAbsent("moved", "item " + item.path() + ", which stays in " + region + ", could not be "
                        + "moved off " + from + " (" + moved.detail() + "); run again");
            }
            return new ItemResult(moved.item(), moved.outcome(), "stays in " + region + ", " + moved.detail(),
                    moved.upToDate(), moved.throttled(), moved.unreachable());
        }, result -> result, (item, result) -> run.tally().add(result));
        if (run.stopped()) {
            return Optional.of("the items that stay in " + region + " could not all be moved off it; run again");
        }
        return problems.values().stream().findFirst();
    }

    /** The latest version of {@code name} in the home region that is not being replaced, if any. */
    private Optional<KeyRef> latestKept(String name, Set<KeyRef> replaced) {
        List<Integer> versions = keys.home().versions(name);
        for (int i = versions.size() - 1; i >= 0; i--) {
            KeyRef ref = new KeyRef(name, versions.get(i));
            if (!replaced.contains(ref)) {
                return Optional.of(ref);
            }
        }
        return Optional.empty();
    }
}

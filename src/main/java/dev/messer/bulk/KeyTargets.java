package dev.messer.bulk;

import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The plan of a bulk run: for each key name, the version its items move to (or are copied with),
 * or why they cannot; the lines that describe the plan; and the key versions it created. Made before
 * any item is written, or, for a run whose targets depend on nothing but the key itself
 * ({@code re-encrypt}: its latest version), found for each key name when its first item comes.
 * Thread-safe.
 */
final class KeyTargets {

    private final Map<String, KeyRef> targets = new TreeMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private final List<String> plan = new ArrayList<>();
    private final List<KeyRef> created = new ArrayList<>();
    private final BiConsumer<String, KeyTargets> resolver;

    /** A plan made up front: a key name it does not name fails its items. */
    KeyTargets() {
        this(null);
    }

    /** A plan that {@code resolver} completes, once per key name, with a target or a problem. */
    KeyTargets(BiConsumer<String, KeyTargets> resolver) {
        this.resolver = resolver;
    }

    synchronized void target(KeyRef ref) {
        targets.put(ref.name(), ref);
    }

    synchronized void problem(String keyName, String why) {
        problems.put(keyName, why);
    }

    synchronized void plan(String line) {
        plan.add(line);
    }

    synchronized void created(KeyRef ref) {
        created.add(ref);
    }

    synchronized List<String> plan() {
        return List.copyOf(plan);
    }

    synchronized List<KeyRef> created() {
        return List.copyOf(created);
    }

    /** Moves one item onto its key's target with {@code move}, or reports why it cannot. */
    ItemResult apply(ScannedItem item, BiFunction<ScannedItem, KeyRef, ItemResult> move) {
        if (!item.usable()) {
            return item.early();
        }
        String keyName = item.read().item().keyName();
        KeyRef target;
        String problem;
        synchronized (this) {
            if (resolver != null && !targets.containsKey(keyName) && !problems.containsKey(keyName)) {
                resolver.accept(keyName, this);
            }
            target = targets.get(keyName);
            problem = problems.get(keyName);
        }
        return target != null ? move.apply(item, target) : ItemResult.failed(item.path(), problem);
    }
}

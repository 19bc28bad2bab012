package dev.messer.bulk;

import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The plan of a bulk run, made before any item is written: for each key name, the version its
 * items move to (or are copied with), or why they cannot; the lines that describe the plan; and
 * the key versions it created.
 */
final class KeyTargets {

    private final Map<String, KeyRef> targets = new TreeMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private final List<String> plan = new ArrayList<>();
    private final List<KeyRef> created = new ArrayList<>();

    void target(KeyRef ref) {
        targets.put(ref.name(), ref);
    }

    void problem(String keyName, String why) {
        problems.put(keyName, why);
    }

    void plan(String line) {
        plan.add(line);
    }

    void created(KeyRef ref) {
        created.add(ref);
    }

    List<String> plan() {
        return plan;
    }

    List<KeyRef> created() {
        return created;
    }

    /** Moves one item onto its key's target with {@code move}, or reports why it cannot. */
    ItemResult apply(ScannedItem item, BiFunction<ScannedItem, KeyRef, ItemResult> move) {
        if (!item.usable()) {
            return item.early();
        }
        String keyName = item.read().item().keyName();
        KeyRef target = targets.get(keyName);
        return target != null ? move.apply(item, target) : ItemResult.failed(item.path(), problems.get(keyName));
    }
}

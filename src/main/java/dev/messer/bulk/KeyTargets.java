package dev.messer.bulk;

import dev.messer.keys.KeyRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plan of a resealing run: for each key name, the version its items move to, or why they
 * cannot move; the lines that describe the plan; and the key versions it created.
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

    /** Moves one item onto its key's target, or reports why it cannot. */
    ItemResult apply(ScannedItem item, Resealing resealing, boolean dryRun) {
        if (!item.usable()) {
            return item.early();
        }
        String keyName = item.read().item().keyName();
        KeyRef target = targets.get(keyName);
        return target != null ? resealing.apply(item, target, dryRun)
                : ItemResult.failed(item.path(), problems.get(keyName));
    }
}

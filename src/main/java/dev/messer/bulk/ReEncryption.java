package dev.messer.bulk;

import dev.messer.databag.DataBagService;
import dev.messer.error.MesserException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bulk re-encrypt}: every item in scope is sealed again with the latest version of its own
 * key, in the configured envelope format. Items already there are skipped.
 */
public final class ReEncryption {

    private final DataBagService bags;
    private final DataKeyCache keys;

    public ReEncryption(DataBagService bags, DataKeyCache keys) {
        this.bags = bags;
        this.keys = keys;
    }

    public BulkReport run(BulkOptions options) {
        long start = System.nanoTime();
        int unwrapsBefore = keys.unwrapCount();
        List<ScannedItem> scanned = ScannedItem.scan(bags, Inventory.of(bags).items(), options);
        Map<String, Object> targets = latestVersions(keys.ring(), scanned);
        Set<KeyRef> used = ConcurrentHashMap.newKeySet();
        Resealing resealing = new Resealing(bags, keys, used);
        List<ItemResult> results = ParallelMap.map(scanned, options.parallel(), "re-encrypting", options.listener(),
                item -> reEncrypt(item, targets, resealing, options.dryRun()));
        options.listener().finished();
        return new BulkReport("re-encrypt", options.dryRun(), results, List.of(), keys.unwrapCount() - unwrapsBefore,
                used.size(), List.of(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Key name -> its latest {@link KeyRef}, or the message saying why it has none. */
    static Map<String, Object> latestVersions(KeyRing ring, List<ScannedItem> scanned) {
        Set<String> names = new TreeSet<>();
        scanned.stream().filter(ScannedItem::usable).forEach(s -> names.add(s.read().item().keyName()));
        Map<String, Object> targets = new TreeMap<>();
        for (String name : names) {
            try {
                targets.put(name, new KeyRef(name, ring.latest(name)));
            } catch (MesserException e) {
                targets.put(name, e.getMessage());
            }
        }
        return targets;
    }

    private static ItemResult reEncrypt(ScannedItem item, Map<String, Object> targets, Resealing resealing,
                                        boolean dryRun) {
        if (!item.usable()) {
            return item.early();
        }
        Object target = targets.get(item.read().item().keyName());
        if (target instanceof KeyRef ref) {
            return resealing.apply(item, ref, dryRun);
        }
        return ItemResult.failed(item.path(), String.valueOf(target));
    }
}

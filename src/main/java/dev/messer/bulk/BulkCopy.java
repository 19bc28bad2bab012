package dev.messer.bulk;

import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemDocument;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConfigException;
import dev.messer.error.ConflictException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bulk copy}: every bag and item of a source profile into a destination profile (another
 * tier, region, account or provider). Items are decrypted in memory and sealed again at the
 * destination, with the latest version there of the key of the same name; missing bags and keys are
 * created at the destination, keys with the destination's master key.
 *
 * <p>Rule for items that already exist at the destination: identical plaintext (the same bytes to
 * seal, so numbers compare by their text) is skipped, so a re-run finishes an interrupted copy;
 * different plaintext is skipped and reported unless {@code overwrite}, which replaces it
 * conditionally on the entity tag read.
 */
public final class BulkCopy {

    /** One side of the copy: its bags, its keys, and a label for messages. */
    public record Side(DataBagService bags, DataKeyCache keys, String label) {
    }

    private final Side source;
    private final Side destination;
    private final boolean overwrite;

    public BulkCopy(Side source, Side destination, boolean overwrite) {
        this.source = source;
        this.destination = destination;
        this.overwrite = overwrite;
    }

    public BulkReport run(BulkOptions options) {
        long start = System.nanoTime();
        int sourceUnwraps = source.keys().unwrapCount();
        int destinationUnwraps = destination.keys().unwrapCount();
        requireDestinationMasterKey();
        Inventory inventory = Inventory.of(source.bags());
        List<String> plan = Collections.synchronizedList(new ArrayList<>());
        for (String bag : inventory.bags().keySet()) {
            if (!destination.bags().bagExists(bag)) {
                if (!options.dryRun()) {
                    destination.bags().createBag(bag);
                }
                plan.add((options.dryRun() ? "would create" : "created") + " bag " + bag + " in " + destination.label());
            }
        }
        List<ScannedItem> scanned = ScannedItem.scan(source.bags(), inventory.items(), options);
        List<KeyRef> created = Collections.synchronizedList(new ArrayList<>());
        Map<String, Object> keyTargets = new ConcurrentHashMap<>();
        Set<String> used = ConcurrentHashMap.newKeySet();
        ResultTally tally = new ResultTally(options.dryRun());
        ParallelMap.forEachRequeuing(scanned, options.parallel(), "copying", options.listener(),
                item -> {
                    if (!item.usable()) {
                        return item.early();
                    }
                    String keyName = item.read().item().keyName();
                    Object target = keyTargets.computeIfAbsent(keyName,
                            name -> usableDestinationKey(name, options.dryRun(), plan, created, used));
                    if (!(target instanceof KeyRef ref)) {
                        return ItemResult.failed(item.path(), String.valueOf(target));
                    }
                    return copy(item, ref, options.dryRun(), used);
                }, ItemResult::throttled, (item, result) -> tally.add(result));
        options.listener().finished();
        return new BulkReport("copy", options.dryRun(), tally.counts(), plan,
                source.keys().unwrapCount() - sourceUnwraps + destination.keys().unwrapCount() - destinationUnwraps,
                used.size(), created, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Fails the whole run, before any bag or key is created, when the destination cannot make keys. */
    private void requireDestinationMasterKey() {
        try {
            destination.keys().ring().probeMasterKey();
        } catch (MesserException e) {
            String message = "nothing was copied: the master key of " + destination.label() + " cannot be used: "
                    + e.getMessage();
            if (e instanceof ConfigException) {
                throw new ConfigException(message, e);
            }
            if (e instanceof NotFoundException) {
                throw new NotFoundException(message, e);
            }
            if (e instanceof AccessDeniedException) {
                throw new AccessDeniedException(message, e);
            }
            throw new UnavailableException(message, e);
        }
    }

    /**
     * The destination key for items sealed with {@code name}, unwrapped once here so that a key the
     * destination cannot use fails its items with one attempt, not one per item.
     */
    private Object usableDestinationKey(String name, boolean dryRun, List<String> plan, List<KeyRef> created,
                                        Set<String> used) {
        Object target = destinationKey(name, dryRun, plan, created);
        if (dryRun || !(target instanceof KeyRef ref)) {
            return target;
        }
        try {
            used.add("destination " + ref);
            destination.keys().get(ref);
            return ref;
        } catch (MesserException e) {
            return "key " + ref + " in " + destination.label() + " cannot be used: " + e.getMessage();
        }
    }

    /** The latest destination version of {@code name}, creating the key (version 0) if it has none. */
    private Object destinationKey(String name, boolean dryRun, List<String> plan, List<KeyRef> created) {
        KeyRing ring = destination.keys().ring();
        try {
            List<Integer> versions = ring.versions(name);
            if (!versions.isEmpty()) {
                return new KeyRef(name, versions.get(versions.size() - 1));
            }
            if (dryRun) {
                plan.add("would create key " + name + " v0 in " + destination.label());
                return new KeyRef(name, 0);
            }
            KeyRef made;
            try {
                made = ring.create(name);
                created.add(made);
                plan.add("created key " + made + " in " + destination.label());
            } catch (AlreadyExistsException raced) {
                made = new KeyRef(name, ring.latest(name));
            }
            return made;
        } catch (MesserException e) {
            return "no key " + name + " at " + destination.label() + ": " + e.getMessage();
        }
    }

    private ItemResult copy(ScannedItem item, KeyRef target, boolean dryRun, Set<String> used) {
        ItemPath path = item.path();
        String to = " to " + destination.label();
        try {
            used.add("source " + item.read().item().keyRef());
            ItemDocument document = source.bags().open(path.bag(), path.id(), item.read(), source.keys());
            Optional<DataBagService.Read> existing = destination.bags().find(path.bag(), path.id());
            Optional<String> etag = Optional.empty();
            if (existing.isPresent()) {
                ItemResult verdict = compare(path, document, existing.get(), used);
                if (verdict != null) {
                    return verdict;
                }
                etag = Optional.of(existing.get().etag());
            }
            String verb = existing.isPresent() ? "replace" : "copy";
            if (dryRun) {
                return ItemResult.done(path, "would " + verb + to + " with " + target);
            }
            used.add("destination " + target);
            destination.bags().write(path.bag(), document, target, destination.keys(), etag);
            return ItemResult.done(path, (existing.isPresent() ? "replaced" : "copied") + to + " with " + target);
        } catch (AlreadyExistsException e) {
            return ItemResult.skipped(path, "created" + to + " meanwhile; left as it is (run again to compare)");
        } catch (ConflictException e) {
            return ItemResult.skipped(path, "changed" + to + " meanwhile; left as it is (run again to compare)");
        } catch (MesserException e) {
            return ItemResult.failure(path, e);
        }
    }

    /** Null if the existing destination item may be replaced; otherwise the result that leaves it alone. */
    private ItemResult compare(ItemPath path, ItemDocument document, DataBagService.Read existing, Set<String> used) {
        ItemDocument there;
        try {
            used.add("destination " + existing.item().keyRef());
            there = destination.bags().open(path.bag(), path.id(), existing, destination.keys());
        } catch (MesserException e) {
            if (overwrite) {
                return null;
            }
            return ItemResult.failed(path, "exists in " + destination.label() + " but cannot be decrypted there ("
                    + e.getMessage() + "); add --overwrite to replace it");
        }
        if (there.sealsAs(document)) {
            return ItemResult.upToDate(path, "identical in " + destination.label());
        }
        return overwrite ? null
                : ItemResult.skipped(path, "differs in " + destination.label() + "; left as it is (add --overwrite to replace it)");
    }
}

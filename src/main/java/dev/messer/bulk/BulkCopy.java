package dev.messer.bulk;

import dev.messer.databag.ItemDocument;
import dev.messer.databag.ItemService;
import dev.messer.databag.Precondition;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConfigException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code bulk copy}: every bag and item of a source profile into a destination profile (another
 * tier, region, account or provider). Items are decrypted in memory and sealed again at the
 * destination, with the latest version there of the key of the same name; missing bags and keys are
 * created at the destination, keys with the destination's master key, all before any item is
 * written.
 *
 * <p>Rule for items that already exist at the destination: identical plaintext (the same bytes to
 * seal, so numbers compare by their text) is skipped, so a re-run finishes an interrupted copy;
 * different plaintext is skipped and reported unless {@code overwrite}, which replaces it
 * conditionally on the entity tag read.
 */
public final class BulkCopy {

    /**
     * One side of the copy: its profile, a label for messages, and how the command lines of a
     * failure's advice are written for this side's provider, profile and file (a failure of the
     * destination nested in the run's report then gives advice that runs as written there).
     */
    public record Side(BulkProfile profile, String label, Function<Hint.Run, String> commandLines) {

        /** A side whose advice keeps the {@code <provider>} placeholder (tests, logs). */
        public Side(BulkProfile profile, String label) {
            this(profile, label, Hint.Run::toString);
        }

        /** The failure's problem and its advice, written for this side. */
        String said(MesserException failure) {
            return failure.hint().after(failure.problem(), commandLines);
        }
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
        int sourceUnwraps = source.profile().dataKeys().unwrapCount();
        int destinationUnwraps = destination.profile().dataKeys().unwrapCount();
        requireDestinationMasterKey();
        LongSupplier throttles = () -> source.profile().throttles().getAsLong()
                + destination.profile().throttles().getAsLong();
        try (BulkRun run = new BulkRun("copy", options, throttles)) {
            ItemListing listing = ItemListing.of(source.profile().bags(), run);
            KeyTargets targets = new KeyTargets();
            for (String bag : listing.bags()) {
                if (!destination.profile().bags().bagExists(bag)) {
                    if (!options.dryRun()) {
                        destination.profile().bags().createBag(bag);
                    }
                    targets.plan((options.dryRun() ? "would create" : "created") + " bag " + bag + " in "
                            + destination.label());
                }
            }
            Set<String> names = ConcurrentHashMap.newKeySet();
            Spill<ScannedItem> scanned = ScannedItem.scan(run, source.profile().items(), listing,
                    item -> names.add(item.read().item().keyName()));
            Set<String> used = ConcurrentHashMap.newKeySet();
            if (!run.stopped()) {
                destinationKeys(new TreeSet<>(names), targets, options.dryRun(), used);
                run.workers().forEach("copying", scanned.size(), scanned.iterator(),
                        item -> targets.apply(item, (it, target) -> copy(it, target, options.dryRun(), used)),
                        result -> result, (item, result) -> run.tally().add(result));
            }
            return new BulkReport("copy", options.dryRun(), run.tally().counts(), targets.plan(),
                    source.profile().dataKeys().unwrapCount() - sourceUnwraps
                            + destination.profile().dataKeys().unwrapCount() - destinationUnwraps,
                    used.size(), targets.created(), Duration.ofNanos(System.nanoTime() - run.startNanos()),
                    run.workers().concurrency()).stoppedBecause(run.stopLine());
        }
    }

    /** Fails the whole run, before any bag or key is created, when the destination cannot make keys. */
    private void requireDestinationMasterKey() {
        try {
            destination.profile().keyRing().probeMasterKey();
        } catch (MesserException e) {
            String message = "nothing was copied: the master key of " + destination.label() + " cannot be used: "
                    + destination.said(e);
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
     * The destination key for the items of each key name in use, unwrapped once here so that a key
     * the destination cannot use fails its items with one attempt, not one per item.
     */
    private void destinationKeys(Set<String> names, KeyTargets targets, boolean dryRun, Set<String> used) {
        for (String name : names) {
            Optional<KeyRef> target = destinationKey(name, dryRun, targets);
            if (target.isEmpty()) {
                continue;
            }
            KeyRef ref = target.get();
            try {
                if (!dryRun) {
                    used.add("destination " + ref);
                    destination.profile().dataKeys().forReading(ref).close();
                }
                targets.target(ref);
            } catch (MesserException e) {
                targets.problem(name, "key " + ref + " in " + destination.label() + " cannot be used: "
                        + destination.said(e));
            }
        }
    }

    /** The latest destination version of {@code name}, creating the key (version 0) if it has none. */
    private Optional<KeyRef> destinationKey(String name, boolean dryRun, KeyTargets targets) {
        KeyRing ring = destination.profile().keyRing();
        try {
            List<Integer> versions = ring.versions(name);
            if (!versions.isEmpty()) {
                return Optional.of(new KeyRef(name, versions.get(versions.size() - 1)));
            }
            if (dryRun) {
                targets.plan("would create key " + name + " v0 in " + destination.label());
                return Optional.of(new KeyRef(name, 0));
            }
            KeyRef made;
            try {
                made = ring.create(name);
                targets.created(made);
                targets.plan("created key " + made + " in " + destination.label());
            } catch (AlreadyExistsException raced) {
                made = new KeyRef(name, ring.latest(name));
            }
            return Optional.of(made);
        } catch (MesserException e) {
            targets.problem(name, "no key " + name + " at " + destination.label() + ": " + destination.said(e));
            return Optional.empty();
        }
    }

    private ItemResult copy(ScannedItem item, KeyRef target, boolean dryRun, Set<String> used) {
        ItemPath path = item.path();
        String to = " to " + destination.label();
        ItemService items = destination.profile().items();
        try {
            used.add("source " + item.read().item().keyRef());
            ItemDocument document = source.profile().items().open(path.bag(), path.id(), item.read());
            Optional<ItemService.Read> existing = items.find(path.bag(), path.id());
            if (existing.isPresent()) {
                ItemResult verdict = compare(path, document, existing.get(), used);
                if (verdict != null) {
                    return verdict;
                }
            }
            String verb = existing.isPresent() ? "replace" : "copy";
            if (dryRun) {
                return ItemResult.done(path, "would " + verb + to + " with " + target);
            }
            used.add("destination " + target);
            items.write(path.bag(), document, target, Precondition.asFound(existing));
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
    private ItemResult compare(ItemPath path, ItemDocument document, ItemService.Read existing, Set<String> used) {
        ItemDocument there;
        try {
            used.add("destination " + existing.item().keyRef());
            there = destination.profile().items().open(path.bag(), path.id(), existing);
        } catch (MesserException e) {
            if (overwrite) {
                return null;
            }
            return ItemResult.failed(path, "exists in " + destination.label() + " but cannot be decrypted there ("
                    + destination.said(e) + "); add --overwrite to replace it");
        }
        if (there.sealsAs(document)) {
            return ItemResult.upToDate(path, "identical in " + destination.label());
        }
        return overwrite ? null
                : ItemResult.skipped(path, "differs in " + destination.label() + "; left as it is (add --overwrite to replace it)");
    }
}

package dev.messer.bulk;

import dev.messer.databag.ItemService;
import dev.messer.databag.StoredItem;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first pass of {@code bulk sync} over one region's items, every bag (data keys serve every
 * bag): each item is read once, and so is its path in the home region. An item of a bag in scope
 * that the home region also holds will be replaced by the home region's copy. The others stay: an
 * item only in this region (unless {@code --delete-extra} deletes it, here) and the items of bags
 * out of scope. A staying item sealed with a key version that is to be replaced must first move
 * off it, or it could no longer be read: those are kept, as stored, in the run's {@link Spill}
 * ({@link #moving}). Holds no plaintext, and no item but those in flight.
 */
final class RegionScan {

    private final SyncScope scope;
    private final Set<KeyRef> replaced;
    private final Spill<ScannedItem> moving;
    private final AtomicInteger unreadable = new AtomicInteger();

    private RegionScan(SyncScope scope, Set<KeyRef> replaced, Spill<ScannedItem> moving) {
        this.scope = scope;
        this.replaced = Set.copyOf(replaced);
        this.moving = moving;
    }

    /** Reads every item of the region; results worth a line (extras, deletions, failures) go to the tally. */
    static RegionScan of(BulkRun run, SyncScope scope, Set<KeyRef> replaced) {
        RegionScan scan = new RegionScan(scope, replaced, run.spill(ScannedItem.RECORDS));
        ItemListing listing = scope.listing(run, scope.there(), false);
        run.workers().forEach("reading " + scope.region(), listing.size(), listing.items().iterator(), scan::read,
                result -> result, (path, result) -> {
                    if (result != null) {
                        run.tally().add(result);
                    }
                });
        return scan;
    }

    /** Why no key version of the region may be replaced (items that could not be read), if so. */
    Optional<String> blocker() {
        return unreadable.get() == 0 ? Optional.empty() : Optional.of(unreadable.get() + " item(s) of "
                + scope.region() + " could not be read, so the key versions they use are not known");
    }

    /** The staying items sealed with a key version to be replaced, as read. */
    Spill<ScannedItem> moving() {
        return moving;
    }

    private ItemResult read(ItemPath path) {
        String key = scope.layout().itemKey(path.bag(), path.id());
        boolean inScope = scope.includes(path.bag());
        try {
            Optional<Blob> blob = scope.there().get(key);
            if (blob.isEmpty()) {
                return null;
            }
            ScannedItem item = new ScannedItem(path, new ItemService.Read(StoredItem.parse(blob.get().content(),
                    "item " + path + " in " + scope.region()), blob.get().etag()), null);
            if (!inScope) {
                stays(item);
                return null;
            }
            if (scope.home().get(key).isPresent()) {
                return null;
            }
            return extra(item, key);
        } catch (MesserException e) {
            unreadable.incrementAndGet();
            return ItemResult.failure(path, e);
        }
    }

    /** An item only in this region: deleted with {@code --delete-extra}, else left and listed. */
    private ItemResult extra(ScannedItem item, String key) {
        ItemPath path = item.path();
        String where = scope.region() + " (not in the home region " + scope.homeRegion() + ")";
        if (!scope.deleteExtra()) {
            stays(item);
            return ItemResult.skipped(path, "only in " + where + "; left as it is (--delete-extra deletes it)");
        }
        if (scope.dryRun()) {
            return ItemResult.done(path, "would delete from " + where);
        }
        try {
            scope.there().delete(key);
            return ItemResult.done(path, "deleted from " + where);
        } catch (MesserException e) {
            stays(item);
            return ItemResult.failure(path, e);
        }
    }

    private void stays(ScannedItem item) {
        if (replaced.contains(item.read().item().keyRef())) {
            moving.add(item);
        }
    }

    /** Where the scan looks; shared with the copy pass. */
    record SyncScope(String homeRegion, String region, BlobStore home, BlobStore there,
                     dev.messer.databag.SecretsLayout layout, dev.messer.store.StoreNotices notices, Set<String> bags,
                     boolean deleteExtra, boolean dryRun) {

        boolean includes(String bag) {
            return bags.isEmpty() || bags.contains(bag);
        }

        /** The items of {@code store}: those of the bags in scope, or every one ({@code scoped} false). */
        ItemListing listing(BulkRun run, BlobStore store, boolean scoped) {
            return ItemListing.of(new dev.messer.databag.Bags(store, layout, notices), run.spill(ItemListing.PATHS),
                    bag -> !scoped || includes(bag));
        }
    }
}

package dev.messer.bulk;

import dev.messer.databag.Bags;
import dev.messer.databag.ItemService;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import dev.messer.regions.Behind;
import dev.messer.regions.KeyDrift;
import dev.messer.regions.RegionalKeys;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code bulk sync --from HOME}: makes every other region of a profile that spans regions match the
 * home region, for a set-up whose regions each held their own data keys and items. For each other
 * region, in this order:
 * <ol>
 * <li>read every item of the region (every bag: data keys serve them all), and its path in the home
 *     region; items only in the region are listed, or deleted with {@code deleteExtra};</li>
 * <li>data keys ({@link KeyAlignment}): copy the versions the region lacks; move the items that
 *     stay in the region (an extra kept, a bag out of scope) off the versions about to be replaced;
 *     then replace each version that holds another key with the home region's, wrapped by the
 *     region's own master key, each replacement announced first, and retire those deleted in the
 *     home region. When an item could not be read or moved, no version is replaced or retired,
 *     and the home items sealed with them are not copied;</li>
 * <li>items: copy the home region's items of the bags in scope as stored, byte for byte, skipping
 *     those already identical, conditionally on what the region held.</li>
 * </ol>
 * A re-run finishes an interrupted run: versions already replaced compare equal, items already
 * copied are identical. Between a replacement and the copy of the items, the region's own items
 * sealed with the replaced version (all of them to be replaced by the home region's) do not
 * decrypt there; the re-run copies them.
 */
public final class RegionSync {

    private final RegionalKeys keys;
    private final Map<String, BlobStore> secrets;
    private final SecretsLayout layout;
    private final StoreNotices notices;
    private final Set<String> bags;
    private final boolean deleteExtra;
    private final Consumer<String> announce;
    private final LongSupplier throttles;
    private final Function<String, ItemService> items;

    /**
     * @param secrets  every region's secrets bucket, by region
     * @param bags     the bags whose items are copied and whose extras are listed; empty for all
     * @param announce hears each key version about to be replaced, before it is
     * @param items    the item service of a region alone, its data keys included (to move the items that stay)
     */
    public RegionSync(RegionalKeys keys, Map<String, BlobStore> secrets, SecretsLayout layout, StoreNotices notices,
                      Set<String> bags, boolean deleteExtra, Consumer<String> announce, LongSupplier throttles,
                      Function<String, ItemService> items) {
        this.keys = keys;
        this.secrets = new LinkedHashMap<>(secrets);
        this.layout = layout;
        this.notices = notices;
        this.bags = Set.copyOf(bags);
        this.deleteExtra = deleteExtra;
        this.announce = announce;
        this.throttles = throttles;
        this.items = items;
    }

    /**
     * @return the report, and each region whose differing key versions were left as they are, with
     *         why (the plan says which); such a region does not match the home region yet
     */
    public Behind<BulkReport> run(BulkOptions options) {
        List<BulkReport> reports = new ArrayList<>();
        SortedMap<String, String> behind = new TreeMap<>();
        for (String region : keys.otherRegions()) {
            reports.add(region(region, options, behind));
        }
        return new Behind<>(BulkReport.merge("sync", reports), behind);
    }

    private BulkReport region(String region, BulkOptions options, SortedMap<String, String> behind) {
        RegionScan.SyncScope scope = new RegionScan.SyncScope(keys.homeRegion(), region,
                secrets.get(keys.homeRegion()), secrets.get(region), layout, notices, bags, deleteExtra,
                options.dryRun());
        List<String> plan = new ArrayList<>();
        List<KeyRef> written = new ArrayList<>();
        try (BulkRun run = new BulkRun("sync", options, throttles)) {
            List<KeyDrift> drift = keys.differences(region);
            Set<KeyRef> replaced = new HashSet<>();
            drift.stream().filter(d -> d.kind() == KeyDrift.Kind.DIFFERS || d.kind() == KeyDrift.Kind.DELETED_AT_HOME)
                    .forEach(d -> replaced.add(d.ref()));
            RegionScan scan = RegionScan.of(run, scope, replaced);
            if (!run.stopped()) {
                KeyAlignment alignment = new KeyAlignment(run, keys, region, announce, plan);
                Set<KeyRef> held = alignment.align(drift, scan, items.apply(region));
                written.addAll(alignment.written());
                if (!held.isEmpty()) {
                    behind.put(region, held.size() + " key version(s) that differ from the home region's were left "
                            + "as they are, and the home region's items sealed with them were not copied");
                }
                if (!run.stopped()) {
                    copyItems(run, scope, held, plan);
                }
            }
            return new BulkReport("sync", options.dryRun(), run.tally().counts(), plan, 0, written.size(), written,
                    Duration.ofNanos(System.nanoTime() - run.startNanos()), run.workers().concurrency())
                    .stoppedBecause(run.stopLine());
        }
    }

    private void copyItems(BulkRun run, RegionScan.SyncScope scope, Set<KeyRef> held, List<String> plan) {
        ItemListing listing = scope.listing(run, scope.home(), true);
        run.listed(listing.size());
        Bags there = new Bags(scope.there(), layout, notices);
        for (String bag : listing.bags()) {
            if (!there.bagExists(bag)) {
                if (!scope.dryRun()) {
                    there.createBag(bag);
                }
                plan.add((scope.dryRun() ? "would create" : "created") + " bag " + bag + " in " + scope.region());
            }
        }
        run.workers().forEach("copying to " + scope.region(), listing.size(), listing.items().iterator(),
                path -> copy(path, scope, held), result -> result, (path, result) -> run.tally().add(result));
    }

    /** One item of the home region into the region, as stored. */
    private ItemResult copy(ItemPath path, RegionScan.SyncScope scope, Set<KeyRef> held) {
        String key = layout.itemKey(path.bag(), path.id());
        String region = scope.region();
        try {
            Optional<Blob> source = scope.home().get(key);
            if (source.isEmpty()) {
                return ItemResult.skipped(path, "deleted from the home region since it was listed");
            }
            KeyRef ref = StoredItem.parse(source.get().content(), "item " + path + " in the home region").keyRef();
            if (held.contains(ref)) {
                return ItemResult.skipped(path, "not copied: its key " + ref + " holds another key in " + region
                        + ", which was left as it is (see above)");
            }
            Optional<Blob> target = scope.there().get(key);
            if (target.isPresent() && Arrays.equals(target.get().content(), source.get().content())) {
                return ItemResult.upToDate(path, "identical in " + region);
            }
            if (scope.dryRun()) {
                return ItemResult.done(path, target.isPresent() ? "would replace the item in " + region
                        : "would copy to " + region);
            }
            if (target.isPresent()) {
                scope.there().putIfMatch(key, source.get().content(), source.get().metadata(), target.get().etag());
                return ItemResult.done(path, "replaced in " + region);
            }
            scope.there().putIfAbsent(key, source.get().content(), source.get().metadata());
            return ItemResult.done(path, "copied to " + region);
        } catch (AlreadyExistsException | ConflictException e) {
            return ItemResult.skipped(path, "changed in " + region + " meanwhile; left as it is (run again)");
        } catch (MesserException e) {
            return ItemResult.failure(path, e);
        }
    }
}

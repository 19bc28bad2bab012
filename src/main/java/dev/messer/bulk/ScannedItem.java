package dev.messer.bulk;

import dev.messer.databag.DataBagService;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import java.util.List;

/**
 * One item as read at the start of a run (encrypted, with its entity tag), or the result that ends
 * it early (deleted since listed, unreadable). Holds no plaintext.
 */
record ScannedItem(ItemPath path, DataBagService.Read read, ItemResult early) {

    static List<ScannedItem> scan(DataBagService bags, List<ItemPath> items, BulkOptions options) {
        return ParallelMap.mapRequeuing(items, options.parallel(), "reading", options.listener(), path -> read(bags, path),
                scanned -> !scanned.usable() && scanned.early().throttled());
    }

    private static ScannedItem read(DataBagService bags, ItemPath path) {
        try {
            return bags.find(path.bag(), path.id())
                    .map(read -> new ScannedItem(path, read, null))
                    .orElseGet(() -> new ScannedItem(path, null, ItemResult.skipped(path, "deleted since it was listed")));
        } catch (NotFoundException e) {
            return new ScannedItem(path, null, ItemResult.skipped(path, "deleted since it was listed"));
        } catch (MesserException e) {
            return new ScannedItem(path, null, ItemResult.failure(path, e));
        }
    }

    boolean usable() {
        return early == null;
    }
}

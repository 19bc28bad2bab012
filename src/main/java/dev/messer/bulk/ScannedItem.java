package dev.messer.bulk;

import dev.messer.databag.ItemService;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import java.util.List;

/**
 * One item as read at the start of a run (encrypted, with its entity tag), or the result that ends
 * it early (deleted since listed, unreadable). Holds no plaintext.
 */
record ScannedItem(ItemPath path, ItemService.Read read, ItemResult early) {

    static List<ScannedItem> scan(ItemService items, List<ItemPath> paths, BulkOptions options) {
        return ParallelMap.mapRequeuing(paths, options.parallel(), "reading", options.listener(), path -> read(items, path),
                scanned -> !scanned.usable() && scanned.early().throttled());
    }

    private static ScannedItem read(ItemService items, ItemPath path) {
        try {
            return items.find(path.bag(), path.id())
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

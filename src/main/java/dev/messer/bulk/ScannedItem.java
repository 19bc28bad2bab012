package dev.messer.bulk;

import dev.messer.databag.ItemService;
import dev.messer.databag.StoredItem;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * One item as read at the start of a run (encrypted, with its entity tag), or the result that ends
 * it early (deleted since listed, unreadable). Holds no plaintext.
 */
record ScannedItem(ItemPath path, ItemService.Read read, ItemResult early) {

    /**
     * A usable item in a {@link Spill}: its path, its entity tag and the stored item as the bucket
     * holds it (labels and ciphertext).
     */
    static final Spill.Codec<ScannedItem> RECORDS = new Spill.Codec<>() {
        @Override
        public void write(DataOutput out, ScannedItem item) throws IOException {
            ItemListing.PATHS.write(out, item.path());
            out.writeUTF(item.read().etag());
            byte[] stored = item.read().item().toBytes();
            out.writeInt(stored.length);
            out.write(stored);
        }

        @Override
        public ScannedItem read(DataInput in) throws IOException {
            ItemPath path = ItemListing.PATHS.read(in);
            String etag = in.readUTF();
            byte[] stored = new byte[in.readInt()];
            in.readFully(stored);
            return new ScannedItem(path, new ItemService.Read(StoredItem.parse(stored, "item " + path), etag), null);
        }
    };

    /**
     * The first pass of a run that must see every item before it writes anything: each listed item
     * read once (a GET), the usable ones kept in a new spill of the run and handed to {@code seen}
     * (from the worker threads), the results of the others tallied at once.
     */
    static Spill<ScannedItem> scan(BulkRun run, ItemService items, ItemListing listing, Consumer<ScannedItem> seen) {
        Spill<ScannedItem> scanned = run.spill(RECORDS);
        run.workers().forEach("reading", listing.size(), listing.items().iterator(), path -> read(items, path),
                ScannedItem::early, (path, item) -> {
                    if (item.usable()) {
                        seen.accept(item);
                        scanned.add(item);
                    } else {
                        run.tally().add(item.early());
                        run.unread(item.early());
                    }
                });
        return scanned;
    }

    /** One GET: the item as stored, or why it cannot be moved. */
    static ScannedItem read(ItemService items, ItemPath path) {
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

package dev.messer.bulk;

import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.ItemService;
import dev.messer.databag.Precondition;
import dev.messer.databag.StoredItem;
import dev.messer.error.ConflictException;
import dev.messer.error.MesserException;
import dev.messer.keys.KeyRef;
import java.util.Set;

/**
 * Moves one scanned item onto a target key version: decrypt in memory, seal with the target, and
 * replace the stored object only if it still has the entity tag read at the start. An item already
 * on the target version and in the configured envelope format is skipped, which is what makes an
 * interrupted run resumable.
 */
final class Resealing {

    private final ItemService items;
    private final Set<KeyRef> used;

    /** @param used collects the key versions whose plaintext was needed */
    Resealing(ItemService items, Set<KeyRef> used) {
        this.items = items;
        this.used = used;
    }

    ItemResult apply(ScannedItem scanned, KeyRef target, boolean dryRun) {
        ItemPath path = scanned.path();
        StoredItem stored = scanned.read().item();
        KeyRef from = stored.keyRef();
        EnvelopeVersion writes = items.writeVersion();
        try {
            EnvelopeVersion format = EnvelopeCodec.decode(stored.encryptedData()).version();
            if (from.equals(target) && format == writes) {
                return ItemResult.upToDate(path, "already on " + target);
            }
            String change = from + " -> " + target
                    + (format == writes ? "" : " (format " + format.wire() + " -> " + writes.wire() + ")");
            if (dryRun) {
                return ItemResult.done(path, "re-encrypt " + change);
            }
            used.add(from);
            used.add(target);
            ItemDocument document = items.open(path.bag(), path.id(), scanned.read());
            items.write(path.bag(), document, target, Precondition.unchanged(scanned.read()));
            return ItemResult.done(path, "re-encrypted " + change);
        } catch (ConflictException e) {
            return ItemResult.skipped(path, "changed since it was read; left as it is (run again to include it)");
        } catch (MesserException e) {
            return ItemResult.failure(path, e);
        }
    }
}

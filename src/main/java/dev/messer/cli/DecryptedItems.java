package dev.messer.cli;

import dev.messer.databag.ConcurrentReads;
import dev.messer.databag.ItemRef;
import dev.messer.databag.ItemService;
import dev.messer.output.DecryptedItem;
import dev.messer.app.Session;
import java.util.List;

/** Reads and decrypts items into what the output formatters, {@code exec} and {@code render} work on. */
final class DecryptedItems {

    private DecryptedItems() {
    }

    static DecryptedItem read(Session<?> session, String bag, String id) {
        return of(bag + "/" + id, session.items().open(bag, id));
    }

    /** Several items of one session, read concurrently, in the order given. */
    static List<DecryptedItem> read(Session<?> session, List<ItemRef> refs) {
        List<ItemService.Opened> opened = ConcurrentReads.open(session.items(), refs);
        return java.util.stream.IntStream.range(0, refs.size())
                .mapToObj(i -> of(refs.get(i).toString(), opened.get(i)))
                .toList();
    }

    /** One kept version of the item, decrypted at the item's own path. */
    static DecryptedItem readVersion(Session<?> session, String bag, String id, String version) {
        return of(bag + "/" + id, session.history().openVersion(bag, id, version));
    }

    private static DecryptedItem of(String name, ItemService.Opened opened) {
        return DecryptedItem.of(name, opened.read().item(), opened.document());
    }
}

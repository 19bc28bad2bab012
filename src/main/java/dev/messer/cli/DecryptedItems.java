package dev.messer.cli;

import dev.messer.databag.ConcurrentReads;
import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemRef;
import dev.messer.output.DecryptedItem;
import dev.messer.app.Session;
import java.util.List;

/** Reads and decrypts items into what the output formatters, {@code exec} and {@code render} work on. */
final class DecryptedItems {

    private DecryptedItems() {
    }

    static DecryptedItem read(Session<?> session, String bag, String id) {
        DataBagService.Opened opened = session.bags().open(bag, id, session.dataKeys());
        return new DecryptedItem(bag + "/" + id, opened.view(), opened.document().json());
    }

    /** Several items of one session, read concurrently, in the order given. */
    static List<DecryptedItem> read(Session<?> session, List<ItemRef> refs) {
        List<DataBagService.Opened> opened = ConcurrentReads.open(session.bags(), refs, session.dataKeys());
        return java.util.stream.IntStream.range(0, refs.size())
                .mapToObj(i -> new DecryptedItem(refs.get(i).toString(), opened.get(i).view(),
                        opened.get(i).document().json()))
                .toList();
    }
}

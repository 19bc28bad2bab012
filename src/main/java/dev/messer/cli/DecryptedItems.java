package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.databag.DataBagService;
import dev.messer.databag.ItemHistory;
import dev.messer.output.DecryptedItem;

/** Reads and decrypts one item into what the output formatters and {@code exec} work on. */
final class DecryptedItems {

    private DecryptedItems() {
    }

    static DecryptedItem read(Session<?> session, String bag, String id) {
        DataBagService.Opened opened = session.bags().open(bag, id, session.dataKeys());
        return new DecryptedItem(bag + "/" + id, opened.view(), opened.document().json());
    }

    /** One kept version of the item, decrypted at the item's own path. */
    static DecryptedItem readVersion(Session<?> session, String bag, String id, String version) {
        DataBagService.Opened opened = new ItemHistory(session.bags()).openVersion(bag, id, version, session.dataKeys());
        return new DecryptedItem(bag + "/" + id, opened.view(), opened.document().json());
    }
}

package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.databag.DataBagService;
import dev.messer.output.DecryptedItem;

/** Reads and decrypts one item into what the output formatters and {@code exec} work on. */
final class DecryptedItems {

    private DecryptedItems() {
    }

    static DecryptedItem read(Session<?> session, String bag, String id) {
        DataBagService.Opened opened = session.bags().open(bag, id, session.dataKeys());
        return new DecryptedItem(bag + "/" + id, opened.view(), opened.document().json());
    }
}

package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.bulk.BulkOptions;
import dev.messer.bulk.BulkReport;
import dev.messer.bulk.ReEncryption;

/** {@code messer bulk re-encrypt aws|local CONFIG}: every item onto the latest version of its key. */
final class BulkReEncryptCommand extends BulkItemsCommand {

    @Override
    BulkReport run(Session<?> session, BulkOptions options) {
        return new ReEncryption(session.bulk()).run(options);
    }
}

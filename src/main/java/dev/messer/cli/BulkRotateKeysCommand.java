package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.bulk.BulkOptions;
import dev.messer.bulk.BulkReport;
import dev.messer.bulk.KeyRotation;

/** {@code messer bulk rotate-keys aws|local CONFIG}: a new version of every key in use, then every item onto it. */
final class BulkRotateKeysCommand extends BulkItemsCommand {

    @Override
    BulkReport run(Session<?> session, BulkOptions options) {
        return new KeyRotation(session.bulk()).run(options);
    }
}

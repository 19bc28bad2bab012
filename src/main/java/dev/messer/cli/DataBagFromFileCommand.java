package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.databag.BagUpload;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.MesserException;
import dev.messer.error.Reworded;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code messer data bag from file aws|local BAG ITEM_FILE... --secret-file KEY_NAME [-v VERSION|latest] [--force]}.
 * Each {@code ITEM_FILE} is a JSON file, a folder (its {@code *.json} files, sorted) or {@code -}
 * for standard input. Every input is read and validated, and (without {@code --force}) checked not
 * to exist yet, before the first item is written. An item that already holds the same content with
 * the same key version and item format is left as it is ("unchanged"). When an upload of several
 * items stops partway, the error names the item it stopped at and what was written before it.
 */
final class DataBagFromFileCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG,
            Positional.word("ITEM_FILE|FOLDER|- [...]").repeated())
            .options("--secret-file KEY_NAME [-v VERSION|latest] [--force]");


    @Parameter(names = "--secret-file", description = "Name of the data key to encrypt with (required)")
    String keyName;

    @Parameter(names = {"-v", "--key-version"}, description = "Key version to use, or latest")
    String keyVersion = "latest";

    @Parameter(names = "--force", description = "Replace items that exist")
    boolean force;

    DataBagFromFileCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        if (keyName == null) {
            throw UsageException.withUsage("missing option --secret-file KEY_NAME");
        }
        Names.check("key name", keyName);
        String bag = words.get(1);
        OptionalInt version = parseVersion(keyVersion);
        List<ItemFiles.Named> items = ItemFiles.readAll(words.subList(2, words.size()), context.console());
        try (Session<?> session = context.session(words.get(0))) {
            BagUpload upload = session.items().startUpload(bag, keyName, version);
            if (!force) {
                for (ItemFiles.Named named : items) {
                    if (upload.exists(named.item().id())) {
                        String from = items.size() == 1 ? "" : " (from " + named.source() + "); nothing was uploaded";
                        throw new AlreadyExistsException("item " + named.item().id() + " already exists in data bag " + bag
                                + from + "; add --force to replace it");
                    }
                }
            }
            uploadAll(context.console(), session, upload, bag, items);
        }
        return ExitCodes.OK;
    }

    /**
     * Uploads the items in order. When one fails after others, the error (never silenced) says which
     * one it stopped at and what was written before it.
     */
    private void uploadAll(Console console, Session<?> session, BagUpload upload, String bag,
                           List<ItemFiles.Named> items) {
        List<String> written = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemFiles.Named named = items.get(i);
            String id = named.item().id();
            BagUpload.Outcome outcome;
            try {
                outcome = upload.put(named.item(), force);
            } catch (MesserException e) {
                if (items.size() == 1) {
                    throw e;
                }
                throw Reworded.as(e, "upload stopped at item " + id + " (from " + named.source() + "), " + (i + 1)
                        + " of " + items.size() + ": " + before(written, unchanged) + ", " + (items.size() - i - 1)
                        + " not tried; " + e.problem());
            }
            String where = session.layout().itemKey(bag, id) + " in " + session.backend().secrets().describe();
            if (outcome == BagUpload.Outcome.UNCHANGED) {
                unchanged++;
                console.info("Unchanged data bag item " + bag + "/" + id + ": " + where + " already holds this content "
                        + "sealed with key " + upload.key() + " in item format " + session.items().writeVersion().wire()
                        + "; nothing was written (from " + named.source() + ")");
            } else {
                written.add(id);
                console.info("Uploaded data bag item " + bag + "/" + id + " with key " + upload.key() + " to " + where
                        + " (from " + named.source() + ")");
            }
        }
    }

    /** "2 written before it (a, b), 1 unchanged", naming at most five. */
    private static String before(List<String> written, int unchanged) {
        String named = written.isEmpty() ? "" : " (" + String.join(", ", written.subList(0, Math.min(5, written.size())))
                + (written.size() > 5 ? " and " + (written.size() - 5) + " more" : "") + ")";
        return written.size() + " written before it" + named + (unchanged > 0 ? ", " + unchanged + " unchanged" : "");
    }

    static OptionalInt parseVersion(String text) {
        return text == null || text.equals("latest") ? OptionalInt.empty() : OptionalInt.of(Positional.keyVersion(text));
    }
}

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.databag.DataBagService;
import dev.messer.error.AlreadyExistsException;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code messer data bag from file aws|local BAG ITEM_FILE... --secret-file KEY_NAME [-v VERSION|latest] [--force]}.
 * Each {@code ITEM_FILE} is a JSON file, a folder (its {@code *.json} files, sorted) or {@code -}
 * for standard input. Every input is read and validated, and (without {@code --force}) checked not
 * to exist yet, before the first item is written.
 */
final class DataBagFromFileCommand extends CommandBase {

    static final String GRAMMAR = "messer data bag from file aws|local BAG ITEM_FILE|FOLDER|- [...] "
            + "--secret-file KEY_NAME [-v VERSION|latest] [--force]";

    @Parameter(description = "aws|local BAG ITEM_FILE|FOLDER|- [...]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--secret-file", description = "Name of the data key to encrypt with (required)")
    String keyName;

    @Parameter(names = {"-v", "--key-version"}, description = "Key version to use, or latest")
    String keyVersion = "latest";

    @Parameter(names = "--force", description = "Replace items that exist")
    boolean force;

    @Override
    public int run(CommandContext context) throws Exception {
        Positionals.require(words, 3, Integer.MAX_VALUE, GRAMMAR);
        Positionals.names(words, 1, "bag name");
        if (keyName == null) {
            throw new UsageException("missing option --secret-file KEY_NAME; usage: " + GRAMMAR);
        }
        Names.check("key name", keyName);
        String bag = words.get(1);
        OptionalInt version = parseVersion(keyVersion);
        List<ItemFiles.Named> items = ItemFiles.readAll(words.subList(2, words.size()), context.console());
        try (Session<?> session = context.session(words.get(0))) {
            DataBagService.BagUpload upload = session.bags().startUpload(bag, keyName, version, session.dataKeys());
            if (!force) {
                for (ItemFiles.Named named : items) {
                    if (upload.exists(named.item().id())) {
                        String from = items.size() == 1 ? "" : " (from " + named.source() + "); nothing was uploaded";
                        throw new AlreadyExistsException("item " + named.item().id() + " already exists in data bag " + bag
                                + from + "; add --force to replace it");
                    }
                }
            }
            for (ItemFiles.Named named : items) {
                upload.put(named.item(), force);
                context.console().info("Uploaded data bag item " + bag + "/" + named.item().id() + " with key "
                        + upload.key() + " to " + session.bags().layout().itemKey(bag, named.item().id()) + " in "
                        + session.backend().secrets().describe() + " (from " + named.source() + ")");
            }
        }
        return ExitCodes.OK;
    }

    static OptionalInt parseVersion(String text) {
        return text == null || text.equals("latest") ? OptionalInt.empty() : OptionalInt.of(Positionals.keyVersion(text));
    }
}

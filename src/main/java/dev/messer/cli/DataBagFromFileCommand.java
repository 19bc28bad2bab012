package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.Names;
import dev.messer.keys.KeyRef;
import dev.messer.provider.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code messer data bag from file aws|local BAG ITEM_FILE --secret-file KEY_NAME [-v VERSION|latest] [--force]}.
 * {@code ITEM_FILE} may be {@code -} to read the item from standard input.
 */
final class DataBagFromFileCommand implements Command {

    @Parameter(description = "aws|local BAG ITEM_FILE (- for standard input)")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--secret-file", required = true, description = "Name of the data key to encrypt with")
    String keyName;

    @Parameter(names = {"-v", "--key-version"}, description = "Key version to use, or latest")
    String keyVersion = "latest";

    @Parameter(names = "--force", description = "Replace the item if it exists")
    boolean force;

    @ParametersDelegate
    CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Positionals.require(words, 3, 3,
                "messer data bag from file aws|local BAG ITEM_FILE --secret-file KEY_NAME [-v VERSION|latest] [--force]");
        Positionals.names(words, 1, "bag name");
        Names.check("key name", keyName);
        String bag = words.get(1);
        OptionalInt version = parseVersion(keyVersion);
        ItemDocument item = ItemFiles.read(words.get(2), context.console());
        try (Session session = context.session(words.get(0))) {
            KeyRef used = session.bags().upload(bag, item, keyName, version, force, session.dataKeys());
            context.console().info("Uploaded data bag item " + bag + "/" + item.id() + " with key " + used + " to "
                    + session.bags().layout().itemKey(bag, item.id()) + " in " + session.backend().secrets().describe());
        }
        return ExitCodes.OK;
    }

    static OptionalInt parseVersion(String text) {
        if (text == null || text.equals("latest")) {
            return OptionalInt.empty();
        }
        try {
            int v = Integer.parseInt(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return OptionalInt.of(v);
        } catch (NumberFormatException e) {
            throw new UsageException("key version '" + text + "' is not a version number or 'latest'");
        }
    }
}

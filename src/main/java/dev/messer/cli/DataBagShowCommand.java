package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import com.google.gson.JsonObject;
import dev.messer.provider.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer data bag show aws|local [BAG [ITEM]] [--decrypt]}: bag names, item ids, or one item
 * (encrypted as stored, or decrypted as Messer shows it).
 */
final class DataBagShowCommand implements Command {

    @Parameter(description = "aws|local [BAG [ITEM]]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--decrypt", description = "Decrypt the item")
    boolean decrypt;

    @ParametersDelegate
    CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 3, "messer data bag show aws|local [BAG [ITEM]] [--decrypt]");
        Positionals.names(words, 1, "bag name", "item id");
        Console console = context.console();
        try (Session session = context.session(words.get(0))) {
            if (words.size() == 1) {
                session.bags().listBags().forEach(console::data);
            } else if (words.size() == 2) {
                session.bags().listItems(words.get(1)).forEach(console::data);
            } else if (decrypt) {
                JsonObject view = session.bags().decryptedView(words.get(1), words.get(2), session.dataKeys());
                console.data(view.toString());
            } else {
                console.data(new String(session.bags().read(words.get(1), words.get(2)).item().toBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return ExitCodes.OK;
    }
}

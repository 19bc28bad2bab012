package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.databag.ItemDiff;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.ItemHistory;
import dev.messer.app.Session;
import java.util.Optional;

/**
 * {@code messer data bag diff aws|local BAG ITEM [V1 [V2]] [--file ITEM_FILE] [--reveal]}: one line
 * per field that differs, {@code + path}, {@code - path} or {@code ~ path}; values only with
 * {@code --reveal}, and then only of changed fields. Exits as {@code diff} does: 0 same, 1 differ,
 * 2 on any error.
 */
final class DataBagDiffCommand extends CommandBase {

    /** The exit status when the items differ, as {@code diff} has it. */
    static final int DIFFERENT = 1;

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM,
            Positional.word("V1").optional(), Positional.word("V2").optional()).options("[--file ITEM_FILE] [--reveal]");


    @Parameter(names = "--file", description = "Compare this item file (an upload you are about to make) against the latest")
    String file;

    @Parameter(names = "--reveal", description = "Also print the old and new values of changed fields")
    boolean reveal;

    /** As {@code diff}: 1 means "they differ", so every error is 2. */
    DataBagDiffCommand() {
        super(GRAMMAR);
    }

    @Override
    public int failureStatus(int usual) {
        return ExitCodes.USAGE;
    }

    @Override
    public int run(CommandContext context) {
        if (file != null && words.size() > 3) {
            throw new UsageException("--file compares against the latest version; give no version with it");
        }
        String bag = words.get(1);
        String id = words.get(2);
        Console console = context.console();
        ItemDiff diff;
        try (Session<?> session = context.session(words.get(0))) {
            ItemHistory history = session.history();
            JsonObject before;
            JsonObject after;
            if (file != null) {
                before = history.fields(bag, id, Optional.empty());
                ItemDocument upload = ItemFiles.read(file, console);
                if (!upload.id().equals(id)) {
                    throw new UsageException("item file " + file + " holds item '" + upload.id() + "', not '" + id + "'");
                }
                after = upload.json();
            } else if (words.size() == 3) {
                JsonObject[] pair = history.latestAndPrevious(bag, id);
                before = pair[1];
                after = pair[0];
            } else {
                before = history.fields(bag, id, Optional.of(words.get(3)));
                after = history.fields(bag, id, words.size() == 5 ? Optional.of(words.get(4)) : Optional.empty());
            }
            diff = ItemDiff.between(before, after);
        }
        for (ItemDiff.Change change : diff.changes()) {
            if (reveal && change.kind() == ItemDiff.Kind.CHANGED) {
                console.data(change + ": " + text(change.before()) + " -> " + text(change.after()));
            } else {
                console.data(change.toString());
            }
        }
        return diff.isEmpty() ? ExitCodes.OK : DIFFERENT;
    }

    private static String text(JsonElement value) {
        return value.toString();
    }
}

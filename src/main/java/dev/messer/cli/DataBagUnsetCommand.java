package dev.messer.cli;

import dev.messer.databag.FieldEditor;
import dev.messer.databag.FieldPath;
import dev.messer.app.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code messer data bag unset aws|local BAG ITEM FIELD [FIELD...]}: removes fields, by path; never {@code id}. */
final class DataBagUnsetCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM,
            Positional.word("FIELD [FIELD...]").repeated());


    DataBagUnsetCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        List<FieldPath> paths = new ArrayList<>();
        for (String word : words.subList(3, words.size())) {
            paths.add(FieldPaths.parse(word));
        }
        String bag = words.get(1);
        String id = words.get(2);
        try (Session<?> session = context.session(words.get(0))) {
            new FieldEditor(session.items(), session.bags(), session.keyRing()).unset(bag, id, paths);
            context.console().info("Removed " + paths.size() + " field" + (paths.size() == 1 ? "" : "s") + " from item "
                    + bag + "/" + id + ".");
        }
        return ExitCodes.OK;
    }
}

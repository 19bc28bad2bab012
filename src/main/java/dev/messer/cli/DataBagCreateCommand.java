package dev.messer.cli;

import dev.messer.app.Session;

/** {@code messer data bag create aws|local BAG}. */
final class DataBagCreateCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG);


    DataBagCreateCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        String bag = words.get(1);
        try (Session<?> session = context.session(words.get(0))) {
            boolean created = session.bags().createBag(bag);
            String where = session.layout().bagMarker(bag) + " in " + session.backend().secrets().describe();
            context.console().info(created ? "Created data bag " + bag + " (" + where + ")"
                    : "Data bag " + bag + " already exists (" + where + ")");
        }
        return ExitCodes.OK;
    }
}

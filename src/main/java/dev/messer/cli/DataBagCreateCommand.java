package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code messer data bag create aws|local BAG}. */
final class DataBagCreateCommand extends CommandBase {

    @Parameter(description = "aws|local BAG")
    List<String> words = new ArrayList<>();

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 2, "messer data bag create aws|local BAG");
        Positionals.names(words, 1, "bag name");
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

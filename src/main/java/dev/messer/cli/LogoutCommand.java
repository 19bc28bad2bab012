package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsIdentity;
import dev.messer.config.Provider;
import java.util.ArrayList;
import java.util.List;

/** {@code messer logout aws [--profile P | --all]}: deletes cached role sessions. */
final class LogoutCommand extends CommandBase {

    static final String GRAMMAR = "messer logout aws [--profile P | --all] [-c CONFIG]";

    @Parameter(description = "aws")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--all", description = "Delete every cached AWS session of this user, for every profile")
    boolean all;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 1, GRAMMAR);
        LoginCommand.requireAws(words.get(0), "logout");
        Console console = context.console();
        int deleted;
        if (all) {
            if (common.profile != null) {
                throw new UsageException("--all deletes the sessions of every profile; drop --profile or --all");
            }
            deleted = AwsIdentity.logoutAll(console.env(), context.warnings());
        } else {
            try (Session<AwsBackend> session = context.sessions(Provider.AWS).aws(context.settings(Provider.AWS))) {
                deleted = session.backend().clients().identity().logout();
            }
        }
        console.info(deleted == 0 ? "No cached AWS session to delete."
                : "Deleted " + deleted + " cached AWS session" + (deleted == 1 ? "" : "s") + ".");
        return ExitCodes.OK;
    }
}

package dev.messer.cli.aws;

import com.beust.jcommander.Parameter;
import dev.messer.app.AdminSession;
import dev.messer.aws.AwsIdentity;
import dev.messer.cli.CommandBase;
import dev.messer.cli.CommandContext;
import dev.messer.cli.Console;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.Grammar;
import dev.messer.cli.UsageException;
import dev.messer.config.Provider;
import dev.messer.error.Hint;

/** {@code messer logout aws [--profile P | --all]}: deletes cached role sessions. */
public final class LogoutCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.awsOnly(Hint.text("local has no sessions")).options("[--profile P | --all] [-c CONFIG]");


    @Parameter(names = "--all", description = "Delete every cached AWS session of this user, for every profile")
    boolean all;

    public LogoutCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        int deleted;
        if (all) {
            if (common.profile != null) {
                throw new UsageException("--all deletes the sessions of every profile; drop --profile or --all");
            }
            deleted = AwsIdentity.logoutAll(console.env(), context.warnings());
        } else {
            try (AdminSession session = context.sessions(Provider.AWS).admin(context.settings(Provider.AWS))) {
                deleted = session.identity().logout();
            }
        }
        console.info(deleted == 0 ? "No cached AWS session to delete."
                : "Deleted " + deleted + " cached AWS session" + (deleted == 1 ? "" : "s") + ".");
        return ExitCodes.OK;
    }
}

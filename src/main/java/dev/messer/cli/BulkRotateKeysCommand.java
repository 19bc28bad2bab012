package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.bulk.KeyRotation;
import dev.messer.provider.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code messer bulk rotate-keys aws|local CONFIG}: a new version of every key in use, then every item onto it. */
final class BulkRotateKeysCommand implements Command {

    @Parameter(description = "aws|local CONFIG")
    List<String> words = new ArrayList<>();

    @ParametersDelegate
    BulkFlags flags = new BulkFlags();

    @ParametersDelegate
    CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 2, 2, "messer bulk rotate-keys aws|local CONFIG [--dry-run] [--parallel N]");
        Console console = context.console();
        CommandContext configured = new CommandContext(console, BulkConfigArgument.options(common, words.get(1), null));
        try (Session session = configured.session(words.get(0))) {
            return BulkReportPrinter.print(console,
                    new KeyRotation(session.bags(), session.dataKeys()).run(flags.options(console)), flags);
        }
    }
}

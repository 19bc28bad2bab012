package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.bulk.ReEncryption;
import dev.messer.provider.Session;
import java.util.ArrayList;
import java.util.List;

/** {@code messer bulk re-encrypt aws|local CONFIG}: every item onto the latest version of its key. */
final class BulkReEncryptCommand implements Command {

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
        Positionals.require(words, 2, 2, "messer bulk re-encrypt aws|local CONFIG [--dry-run] [--parallel N]");
        Console console = context.console();
        CommandContext configured = new CommandContext(console, BulkConfigArgument.options(common, words.get(1), null));
        try (Session session = configured.session(words.get(0))) {
            return BulkReportPrinter.print(console,
                    new ReEncryption(session.bags(), session.dataKeys()).run(flags.options(console)), flags);
        }
    }
}

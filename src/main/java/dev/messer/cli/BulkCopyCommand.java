package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.app.Session;
import dev.messer.bulk.BulkCopy;
import dev.messer.bulk.BulkReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer bulk copy SRC_PROVIDER DEST_PROVIDER SRC_CONFIG DEST_CONFIG...}: every bag and item
 * of the source into each destination, sealed there with the destination's keys.
 */
final class BulkCopyCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.provider("SRC_PROVIDER"), Positional.provider("DEST_PROVIDER"),
            Positional.word("SRC_CONFIG"), Positional.word("DEST_CONFIG...").repeated())
            .options("[--src-profile P] [--dest-profile P] [--overwrite] [--dry-run] [--parallel N]");


    @Parameter(names = "--src-profile", description = "Profile of the source configuration")
    String sourceProfile;

    @Parameter(names = "--dest-profile", description = "Profile of every destination configuration")
    String destinationProfile;

    @Parameter(names = "--overwrite", description = "Replace destination items whose content differs")
    boolean overwrite;

    @ParametersDelegate
    BulkFlags flags = new BulkFlags();

    BulkCopyCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        List<BulkReport> reports = new ArrayList<>();
        try (BulkRunGuard guard = BulkRunGuard.forConsole(console)) {
            try {
                copy(context, guard, reports);
            } catch (RuntimeException e) {
                guard.stoppedEarly();
                throw e;
            }
        }
        return BulkReportPrinter.print(console, BulkReport.merge("copy", reports), flags);
    }

    private void copy(CommandContext context, BulkRunGuard guard, List<BulkReport> reports) {
        String sourceWord = words.get(0);
        String destinationWord = words.get(1);
        String sourceConfig = words.get(2);
        try (Session<?> source = open(context, sourceWord, sourceConfig, sourceProfile)) {
            BulkCopy.Side from = new BulkCopy.Side(source.bulk(),
                    BulkConfigArgument.label(sourceWord, sourceConfig, sourceProfile),
                    new Hints(sourceWord, sourceProfile, sourceConfig)::commandLine);
            for (String destinationConfig : words.subList(3, words.size())) {
                try (Session<?> destination = open(context, destinationWord, destinationConfig, destinationProfile)) {
                    BulkCopy.Side to = new BulkCopy.Side(destination.bulk(),
                            BulkConfigArgument.label(destinationWord, destinationConfig, destinationProfile),
                            new Hints(destinationWord, destinationProfile, destinationConfig)::commandLine);
                    reports.add(new BulkCopy(from, to, overwrite).run(flags.options(guard)));
                }
            }
        }
    }

    private Session<?> open(CommandContext context, String word, String config, String profile) {
        return context.with(BulkConfigArgument.options(common, config, profile)).session(word, BulkFlags.RETRY_FALLBACKS);
    }
}

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.bulk.BulkOptions;
import dev.messer.databag.FieldRef;
import dev.messer.error.InvalidInputException;
import dev.messer.estate.RequirementCheck;
import dev.messer.names.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code messer check aws|local --require FILE}: a deploy gate. Every reference of the manifest
 * ({@code BAG/ITEM} or {@code BAG/ITEM/PATH}, one a line, or a JSON array) must exist and decrypt;
 * no value is printed. Exit status 1 names every one that does not.
 */
final class CheckCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER).options("--require FILE|- [--parallel N]");

    @Parameter(names = "--require", description = "The manifest: BAG/ITEM or BAG/ITEM/PATH one a line, or a JSON array of them ('-' for stdin)")
    String require;

    @Parameter(names = "--parallel", description = "Items read at once (1-" + BulkOptions.MAX_PARALLEL + ")")
    int parallel = BulkOptions.DEFAULT_PARALLEL;

    CheckCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) throws IOException {
        if (require == null) {
            throw new UsageException("check needs --require FILE, a manifest of BAG/ITEM or BAG/ITEM/PATH one a line");
        }
        if (parallel < 1 || parallel > BulkOptions.MAX_PARALLEL) {
            throw new UsageException("--parallel must be between 1 and " + BulkOptions.MAX_PARALLEL + ", not " + parallel);
        }
        String where = require.equals("-") ? "the manifest on standard input" : "manifest " + require;
        List<FieldRef> refs;
        try {
            refs = RequirementCheck.parseManifest(read(context), where);
        } catch (InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
        List<RequirementCheck.Result> results;
        try (Session<?> session = context.session(words.get(0))) {
            results = RequirementCheck.run(session.items(), refs, parallel, BulkProgressPrinter.forConsole(context.console()));
        }
        long failed = 0;
        for (RequirementCheck.Result result : results) {
            if (result.ok()) {
                context.console().data("ok       " + result.ref());
            } else {
                failed++;
                context.console().data(Names.controlsEscaped("missing  " + result.ref() + ": " + result.problem().get()));
            }
        }
        context.console().info("check: " + (results.size() - failed) + " of " + results.size() + " references found"
                + (failed == 0 ? "." : "; " + failed + " missing or not decrypting."));
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private String read(CommandContext context) throws IOException {
        try {
            byte[] bytes = require.equals("-") ? context.console().in().readAllBytes() : Files.readAllBytes(Path.of(require));
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("manifest " + require + " does not exist; check the path");
        }
    }
}

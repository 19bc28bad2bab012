package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.databag.ItemRef;
import dev.messer.output.DecryptedItem;
import dev.messer.output.OutputFormat;
import dev.messer.app.Session;
import java.util.List;

/**
 * {@code messer export aws|local BAG/ITEM... [--format F]}: the decrypted fields of several items, from
 * any bags, merged into one output. All items are read in one session (one unwrap per key version),
 * concurrently; nothing is printed unless every item was read and every name passed the checks.
 */
final class ExportCommand extends CommandBase {

    @ParametersDelegate
    final RegionOption regionOption = new RegionOption();

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.references("BAG/ITEM...")).options("[--format "
            + OutputFormat.words() + "] [--override] [--prefix P] [--allow-var NAME]...");


    @Parameter(names = "--format", description = "Output: json|pretty|env|dotenv|export|envfile|properties (default export)")
    String format;

    @Parameter(names = "--override", description = "A name given by two items takes the later item's value")
    boolean override;

    @ParametersDelegate
    VariableOptions variables = new VariableOptions();

    ExportCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        List<ItemRef> refs = ItemRefs.references(words.subList(1, words.size()), null);
        OutputFormat outputFormat = format == null ? OutputFormat.EXPORT : OutputFormat.fromWord(format)
                .orElseThrow(() -> new UsageException("'" + format + "' is not an output format; use one of "
                        + OutputFormat.words()));
        variables.check(outputFormat);
        String text;
        try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
            var rules = variables.rules(session.settings());
            List<DecryptedItem> items = DecryptedItems.read(session, refs);
            text = outputFormat.renderItems(items, rules, override);
        }
        context.console().out().print(text);
        return ExitCodes.OK;
    }
}

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.output.DecryptedItem;
import dev.messer.output.FieldText;
import dev.messer.output.OutputFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer data bag show aws|local [BAG [ITEM]] [--decrypt [--format F | --field NAME [-n]]]}:
 * bag names, item ids, or one item (encrypted as stored, or decrypted as Messer shows it, or in a
 * format for scripts, or one field's raw value).
 */
final class DataBagShowCommand extends CommandBase {

    static final String GRAMMAR = "messer data bag show aws|local [BAG [ITEM]] [--decrypt [--format "
            + OutputFormat.words() + " | --field NAME [-n]]]";

    @Parameter(description = "aws|local [BAG [ITEM]]")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--decrypt", description = "Decrypt the item")
    boolean decrypt;

    @Parameter(names = "--format", description = "Output of a decrypted item: " + "json|pretty|env|dotenv|export|properties")
    String format;

    @Parameter(names = "--field", description = "Print only this field's value of the decrypted item, raw")
    String field;

    @Parameter(names = "-n", description = "With --field: no newline after the value")
    boolean noNewline;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 3, GRAMMAR);
        Positionals.names(words, 1, "bag name", "item id");
        OutputFormat outputFormat = checkOptions();
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            if (words.size() == 1) {
                session.bags().listBags().forEach(console::data);
            } else if (words.size() == 2) {
                session.bags().listItems(words.get(1)).forEach(console::data);
            } else if (decrypt) {
                DecryptedItem item = DecryptedItems.read(session, words.get(1), words.get(2));
                if (field != null) {
                    console.out().print(fieldValue(item) + (noNewline ? "" : "\n"));
                } else {
                    console.out().print(outputFormat.formatter().render(item));
                }
            } else {
                console.data(new String(session.bags().read(words.get(1), words.get(2)).item().toBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return ExitCodes.OK;
    }

    private String fieldValue(DecryptedItem item) {
        if (!item.fields().has(field)) {
            throw new dev.messer.error.NotFoundException("item " + item.name() + " has no field '" + field
                    + "'; its fields: " + String.join(", ", item.fields().keySet()));
        }
        return FieldText.of(item.fields().get(field));
    }

    private OutputFormat checkOptions() {
        boolean formatting = format != null || field != null || noNewline;
        if (formatting && (!decrypt || words.size() != 3)) {
            throw new UsageException("--format, --field and -n apply to one decrypted item; usage: " + GRAMMAR);
        }
        if (format != null && field != null) {
            throw new UsageException("use either --format or --field, not both");
        }
        if (noNewline && field == null) {
            throw new UsageException("-n applies to --field only");
        }
        if (format == null) {
            return OutputFormat.JSON;
        }
        return OutputFormat.fromWord(format).orElseThrow(() -> new UsageException("'" + format
                + "' is not an output format; use one of " + OutputFormat.words()));
    }
}

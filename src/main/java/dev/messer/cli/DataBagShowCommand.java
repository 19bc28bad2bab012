package dev.messer.cli;

import dev.messer.app.Session;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.databag.FieldPath;
import dev.messer.output.DecryptedItem;
import dev.messer.output.FieldText;
import dev.messer.output.OutputFormat;

/**
 * {@code messer data bag show aws|local [BAG [ITEM]] [--decrypt] [--format F | --field PATH [-n]]}:
 * bag names, item ids, or one item (encrypted as stored, or decrypted as Messer shows it, or in a
 * format for scripts, or one field's raw value). {@code --format} and {@code --field} imply
 * {@code --decrypt}, except with {@code --regions}: the item's version in each region, metadata only.
 */
final class DataBagShowCommand extends CommandBase {

    @ParametersDelegate
    final RegionOption regionOption = new RegionOption();

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG.optional(),
            Positional.ITEM.optional()).options("[--decrypt [--at VERSION]] [--format " + OutputFormat.words()
            + " | --field PATH [-n]] [--regions [--format json]]");


    @Parameter(names = "--decrypt", description = "Decrypt the item")
    boolean decrypt;

    @Parameter(names = "--format", description = "Output of a decrypted item (implies --decrypt): "
            + "json|pretty|env|dotenv|export|envfile|properties")
    String format;

    @Parameter(names = "--field", description = "Print only this field's value of the decrypted item, raw "
            + "(implies --decrypt; a path such as db/password reaches inside)")
    String field;

    @Parameter(names = "--at", description = "With --decrypt: show this version from 'data bag history' (its id, previous, or ~N: N versions back)")
    String at;

    @Parameter(names = "-n", description = "With --field: no newline after the value")
    boolean noNewline;

    @Parameter(names = "--regions", description = "Show the item's version in each region of the profile: version "
            + "id, last modified, whether it matches the home region's (metadata only, never a value)")
    boolean regions;

    @ParametersDelegate
    VariableOptions variables = new VariableOptions();

    DataBagShowCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (regions) {
            checkRegionsOptions();
            try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
                return ItemRegionsView.show(session, context.console(), words.get(1), words.get(2), format != null);
            }
        }
        OutputFormat outputFormat = checkOptions();
        Console console = context.console();
        try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
            if (words.size() == 1) {
                session.bags().listBags().forEach(console::data);
            } else if (words.size() == 2) {
                session.bags().listItems(words.get(1)).forEach(console::data);
            } else if (decrypt) {
                DecryptedItem item = at == null
                        ? DecryptedItems.read(context.console(), session, words.get(1), words.get(2))
                        : DecryptedItems.readVersion(session, words.get(1), words.get(2), at);
                if (field != null) {
                    console.out().print(fieldValue(item) + (noNewline ? "" : "\n"));
                } else {
                    console.out().print(outputFormat.renderItem(item, variables.rules(session.settings())));
                }
            } else {
                console.data(new String(session.items().read(words.get(1), words.get(2)).item().toBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return ExitCodes.OK;
    }

    private String fieldValue(DecryptedItem item) {
        if (item.fields().has(field)) {
            return FieldText.of(item.fields().get(field));
        }
        return FieldText.of(FieldPath.parse(field).get(item.fields()).orElseThrow(() ->
                new dev.messer.error.NotFoundException("item " + item.name() + " has no field '" + field
                        + "'; its fields: " + String.join(", ", item.fields().keySet()))));
    }

    /** {@code --regions} shows metadata of one item: no value, so none of the options of a value. */
    private void checkRegionsOptions() {
        if (words.size() != 3) {
            throw UsageException.withUsage("--regions applies to one item: name BAG and ITEM");
        }
        if (decrypt || field != null || at != null || noNewline || variables.given()) {
            throw new UsageException("--regions shows metadata only, never a value: leave out --decrypt, --field, "
                    + "--at, -n, --prefix and --allow-var");
        }
        if (format != null && !format.equals("json")) {
            throw new UsageException("'" + format + "' is not a format of --regions; use --format json, or none for "
                    + "a table");
        }
        if (regionOption.region != null) {
            throw new UsageException("--regions shows every region: leave out --region");
        }
    }

    private OutputFormat checkOptions() {
        boolean formatting = format != null || field != null || noNewline || at != null;
        decrypt = decrypt || format != null || field != null;
        if (at != null && !decrypt) {
            throw UsageException.withUsage("--at shows a decrypted version: add --decrypt");
        }
        if (formatting && words.size() != 3) {
            throw UsageException.withUsage("--format, --field, --at and -n apply to one item: name BAG and ITEM");
        }
        if (variables.given() && format == null) {
            throw new UsageException("--prefix and --allow-var apply to --format env, dotenv, export or envfile "
                    + "(--allow-var also to properties)");
        }
        variables.check();
        OutputFormat.fromWord(format).ifPresent(variables::check);
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

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.messer.config.Provider;
import dev.messer.databag.ItemHistory;
import dev.messer.databag.ItemVersion;
import dev.messer.app.Session;
import dev.messer.error.Hint;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code messer data bag history aws|local BAG ITEM [--limit N] [--before VERSION] [--format table|json]}:
 * the kept versions of an item, newest first, without any value, {@value #DEFAULT_LIMIT} at a time
 * by default. Each listed version costs one read, so a long history is paged: {@code --before}
 * continues after the last version shown, {@code --limit 0} lists them all.
 */
final class DataBagHistoryCommand extends CommandBase {

    @ParametersDelegate
    final RegionOption regionOption = new RegionOption();

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM)
            .options("[--limit N] [--before VERSION] [--format table|json]");
    static final int DEFAULT_LIMIT = 50;


    @Parameter(names = "--format", description = "table (default) or json")
    String format = "table";

    @Parameter(names = "--limit", description = "List at most N versions (default 50; 0 lists them all)")
    int limit = DEFAULT_LIMIT;

    @Parameter(names = "--before", description = "Start after this version (the last one a page showed)")
    String before;

    DataBagHistoryCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException("'" + format + "' is not a history format; use table or json");
        }
        if (limit < 0) {
            throw new UsageException("--limit must be 0 (all versions) or more");
        }
        String bag = words.get(1);
        String id = words.get(2);
        Console console = context.console();
        try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
            ItemHistory.History history = session.items().history(bag, id, Optional.ofNullable(before),
                    limit);
            if (format.equals("json")) {
                console.data(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                        .toJson(json(history.versions())));
            } else {
                table(history.versions()).forEach(console::report);
            }
            if (history.older() > 0) {
                console.error(moreHint(context.hints(), history, bag, id));
            }
            if (!history.kept()) {
                console.error(hint(context.hints(), CommandContext.provider(words.get(0)),
                        session.backend().secrets().describe()));
            }
        }
        return ExitCodes.OK;
    }

    private static String hint(Hints hints, Provider provider, String store) {
        if (provider == Provider.AWS) {
            String bucket = store.replaceFirst("^s3://", "");
            return "messer: hint: " + hints.message(store + " keeps no old versions", Hint.of("enable versioning with "
                    + "'aws s3api put-bucket-versioning --bucket {} --versioning-configuration Status=Enabled' or run {}",
                    bucket, Hint.aws("setup")));
        }
        return "messer: hint: the local store keeps no old versions; set local_versions = 10 in the profile "
                + "(or MESSER_LOCAL_VERSIONS=10)";
    }

    /** Says how many older versions the page left out, and how to list them. */
    private String moreHint(Hints hints, ItemHistory.History history, String bag, String id) {
        String last = history.versions().get(history.versions().size() - 1).version();
        return "messer: " + hints.message(history.older() + " older version" + (history.older() == 1 ? "" : "s")
                + " not listed", Hint.of("list the next " + Math.min(limit, history.older()) + " with {}, or all with "
                + "--limit 0", Hint.command("data bag history", bag, id, "--before", last)));
    }

    static String time(ItemVersion v) {
        return DateTimeFormatter.ISO_INSTANT.format(v.time().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    private static JsonArray json(List<ItemVersion> versions) {
        JsonArray array = new JsonArray();
        for (ItemVersion v : versions) {
            JsonObject entry = new JsonObject();
            entry.addProperty("version", v.version());
            entry.addProperty("time", time(v));
            entry.add("writer", string(v.writer()));
            entry.add("key_name", string(v.keyName()));
            if (v.keyVersion().isPresent()) {
                entry.addProperty("key_version", v.keyVersion().getAsInt());
            } else {
                entry.add("key_version", JsonNull.INSTANCE);
            }
            if (v.itemFormat().isPresent()) {
                entry.addProperty("item_format", v.itemFormat().getAsInt());
            } else {
                entry.add("item_format", JsonNull.INSTANCE);
            }
            entry.addProperty("size", v.size());
            entry.addProperty("deleted", v.deleted());
            array.add(entry);
        }
        return array;
    }

    private static JsonElement string(Optional<String> value) {
        return value.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
    }

    private static List<String> table(List<ItemVersion> versions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "TIME", "WRITER", "KEY", "FORMAT", "SIZE"});
        for (ItemVersion v : versions) {
            String key = v.deleted() ? "(deleted)" : v.keyName().map(k -> k + " v" + v.keyVersion().orElse(0)).orElse("?");
            rows.add(new String[] {v.version(), time(v), v.writer().orElse("-"), key,
                    v.itemFormat().isPresent() ? Integer.toString(v.itemFormat().getAsInt()) : "-",
                    v.deleted() ? "-" : Long.toString(v.size())});
        }
        return TextTable.lines(rows);
    }
}

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.messer.crypto.RandomText;
import dev.messer.databag.FieldEditor;
import dev.messer.databag.FieldPath;
import dev.messer.databag.StrictJson;
import dev.messer.databag.StrictUtf8;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.app.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code messer data bag set aws|local BAG ITEM FIELD [FIELD...]}: sets fields, by path, and stores
 * the item again with its key, conditional on the version read. Values never come from the command
 * line: stdin (less one trailing newline), {@code --value-file}, a hidden prompt on a terminal,
 * {@code --json} for several fields, or {@code --generate}.
 */
final class DataBagSetCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.BAG, Positional.ITEM,
            Positional.word("FIELD [FIELD...]").repeated()).options("[--value-file FILE | --json | --generate [--length N] "
            + "[--charset alnum|hex|base64|ascii] [--print]] [--create --secret-file KEY]");


    @Parameter(names = "--value-file", description = "Read the value of the one FIELD from this file (less one trailing newline)")
    String valueFile;

    @Parameter(names = "--json", description = "Read one JSON object of field path to value from stdin")
    boolean json;

    @Parameter(names = "--generate", description = "Set every FIELD to a random value")
    boolean generate;

    @Parameter(names = "--length", description = "With --generate: characters per value (default 32)")
    Integer length;

    @Parameter(names = "--charset", description = "With --generate: alnum (default), hex, base64 or ascii")
    String charset;

    @Parameter(names = "--print", description = "With --generate: print the generated values")
    boolean print;

    @Parameter(names = "--create", description = "Create the item if it does not exist (with --secret-file)")
    boolean create;

    @Parameter(names = "--secret-file", description = "With --create: the data key a new item is sealed with")
    String secretFile;

    DataBagSetCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        List<FieldPath> paths = new ArrayList<>();
        for (String word : words.subList(3, words.size())) {
            FieldPath path = FieldPaths.parse(word);
            if (paths.contains(path)) {
                throw new UsageException("field " + path + " is named twice");
            }
            paths.add(path);
        }
        checkOptions(paths);
        Console console = context.console();
        Map<FieldPath, JsonElement> values = values(paths, console);
        String bag = words.get(1);
        String id = words.get(2);
        try (Session<?> session = context.session(words.get(0))) {
            KeyRef key = new FieldEditor(session.items(), session.bags(), session.keyRing()).set(bag, id, values,
                    Optional.ofNullable(secretFile));
            if (print) {
                printGenerated(values, console);
            }
            console.info("Set " + paths.size() + " field" + (paths.size() == 1 ? "" : "s") + " of item " + bag + "/" + id
                    + " (key " + key + ").");
        }
        return ExitCodes.OK;
    }

    private void checkOptions(List<FieldPath> paths) {
        int sources = (valueFile != null ? 1 : 0) + (json ? 1 : 0) + (generate ? 1 : 0);
        if (sources > 1) {
            throw new UsageException("use one of --value-file, --json and --generate");
        }
        if (!generate && (length != null || charset != null || print)) {
            throw new UsageException("--length, --charset and --print apply to --generate only");
        }
        if (paths.size() > 1 && !json && !generate) {
            throw new UsageException("several fields take their values from --json (an object of path to value on "
                    + "stdin) or --generate");
        }
        if (secretFile != null && !create) {
            throw new UsageException("--secret-file applies to --create only (an existing item keeps its key)");
        }
        if (create && secretFile == null) {
            throw new UsageException("--create needs --secret-file KEY, the data key a new item is sealed with");
        }
        if (length != null && (length < 1 || length > RandomText.MAX_LENGTH)) {
            throw new UsageException("--length must be 1 to " + RandomText.MAX_LENGTH);
        }
        if (charset != null && RandomText.Charset.fromWord(charset).isEmpty()) {
            throw new UsageException("'" + charset + "' is not a character set; use alnum, hex, base64 or ascii");
        }
    }

    private Map<FieldPath, JsonElement> values(List<FieldPath> paths, Console console) {
        Map<FieldPath, JsonElement> values = new LinkedHashMap<>();
        if (generate) {
            RandomText random = new RandomText(new SecureRandom());
            RandomText.Charset set = charset == null ? RandomText.Charset.ALNUM : RandomText.Charset.fromWord(charset).get();
            for (FieldPath path : paths) {
                values.put(path, new JsonPrimitive(random.next(length == null ? 32 : length, set)));
            }
        } else if (json) {
            JsonObject object = readJsonObject(console);
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                FieldPath path = FieldPaths.parse(entry.getKey());
                if (!paths.contains(path)) {
                    throw new UsageException("standard input sets field " + path + ", which the command line does not "
                            + "name; name every field that --json sets");
                }
                values.put(path, entry.getValue());
            }
            for (FieldPath path : paths) {
                if (!values.containsKey(path)) {
                    throw new UsageException("standard input holds no value for field " + path);
                }
            }
        } else {
            values.put(paths.get(0), new JsonPrimitive(singleValue(paths.get(0), console)));
        }
        return values;
    }

    private String singleValue(FieldPath path, Console console) {
        if (valueFile != null) {
            return text(readFile(Path.of(valueFile)), "value file " + valueFile);
        }
        if (console.terminal().interactive()) {
            char[] typed = console.terminal().readSecret("Value for " + path + ": ");
            try {
                if (typed == null || typed.length == 0) {
                    throw new UsageException("no value was entered for field " + path);
                }
                return new String(typed);
            } finally {
                if (typed != null) {
                    Arrays.fill(typed, '\0');
                }
            }
        }
        return text(ItemFiles.readLimited(console.in(), "standard input"), "standard input");
    }

    /** The text less one trailing newline; wipes the bytes. */
    private static String text(byte[] content, String where) {
        try {
            String value = StrictUtf8.decode(content, where);
            if (value.endsWith("\r\n")) {
                return value.substring(0, value.length() - 2);
            }
            return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static JsonObject readJsonObject(Console console) {
        byte[] content = ItemFiles.readLimited(console.in(), "standard input");
        try {
            JsonElement parsed = StrictJson.parse(StrictUtf8.decode(content, "standard input"), "standard input");
            if (!parsed.isJsonObject()) {
                throw new InvalidInputException("standard input must hold one JSON object of field path to value, such as "
                        + "{\"db/password\": \"...\"}");
            }
            return parsed.getAsJsonObject();
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] readFile(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return ItemFiles.readLimited(in, "value file " + path);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("value file " + path + " does not exist; check the path");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read value file " + path + ": " + e.getMessage());
        }
    }

    private static void printGenerated(Map<FieldPath, JsonElement> values, Console console) {
        if (values.size() == 1) {
            console.data(values.values().iterator().next().getAsString());
            return;
        }
        JsonObject out = new JsonObject();
        values.forEach((path, value) -> out.add(path.toString(), value));
        console.data(new GsonBuilder().disableHtmlEscaping().create().toJson(out));
    }
}

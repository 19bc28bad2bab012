package dev.messer.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats of {@code data bag show --decrypt --format} and {@code export --format}. The variable
 * formats ({@code env}, {@code dotenv}, {@code export}, {@code envfile}) apply the
 * {@link VariableRules}; {@code properties}, which no shell sources, applies only the profile's
 * allow-list; {@code json} and {@code pretty}, the item as it is, apply neither.
 */
public enum OutputFormat {
    JSON("json", null),
    PRETTY("pretty", null),
    ENV("env", new ShellFormatter("")),
    DOTENV("dotenv", new DotenvFormatter()),
    EXPORT("export", new ShellFormatter("export ")),
    ENVFILE("envfile", new EnvFileFormatter()),
    PROPERTIES("properties", null);

    /** Made on first use only: building a Gson instance costs a command that prints compact JSON. */
    private static final class Pretty {
        static final Gson JSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();
    }

    private final String word;
    private final VariableFormatter variables;

    OutputFormat(String word, VariableFormatter variables) {
        this.word = word;
        this.variables = variables;
    }

    public String word() {
        return word;
    }

    /** True for the formats that produce environment variables. */
    public boolean setsVariables() {
        return variables != null;
    }

    /** True for the formats the allow-list ({@code allowed_variables}) and {@code --allow-var} apply to. */
    public boolean checksNames() {
        return variables != null || this == PROPERTIES;
    }

    /**
     * One item as {@code show --decrypt} prints it: JSON is Messer's view of the item (compact on one
     * line, as Messer printed it, or indented).
     */
    public String renderItem(DecryptedItem item, VariableRules rules) {
        return switch (this) {
            case JSON -> item.view().toString() + "\n";
            case PRETTY -> Pretty.JSON.toJson(item.view()) + "\n";
            default -> renderItems(List.of(item), rules, false);
        };
    }

    /**
     * Several items merged, as {@code export} prints them: JSON is one object from {@code BAG/ITEM}
     * to the item's decrypted fields.
     *
     * @param laterItemWins a name or key given by two items takes the later item's value instead of failing
     */
    public String renderItems(List<DecryptedItem> items, VariableRules rules, boolean laterItemWins) {
        if (variables != null) {
            EnvVariables merged = new EnvVariables(rules, laterItemWins);
            items.forEach(merged::add);
            return variables.render(merged);
        }
        if (this == PROPERTIES) {
            return PropertiesFormatter.render(items, rules, laterItemWins);
        }
        JsonObject all = new JsonObject();
        items.forEach(item -> all.add(item.name(), item.fields()));
        JsonElement json = all;
        return (this == PRETTY ? Pretty.JSON.toJson(json) : json.toString()) + "\n";
    }

    public static Optional<OutputFormat> fromWord(String word) {
        String lower = word == null ? "" : word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.word.equals(lower)).findFirst();
    }

    /** "json|pretty|env|dotenv|export|envfile|properties" */
    public static String words() {
        return Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining("|"));
    }
}

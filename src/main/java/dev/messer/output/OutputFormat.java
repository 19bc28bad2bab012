package dev.messer.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats of {@code data bag show --decrypt --format}. */
public enum OutputFormat {
    JSON("json", () -> new JsonFormatter(false)),
    PRETTY("pretty", () -> new JsonFormatter(true)),
    ENV("env", () -> new ShellFormatter("")),
    DOTENV("dotenv", DotenvFormatter::new),
    EXPORT("export", () -> new ShellFormatter("export ")),
    PROPERTIES("properties", PropertiesFormatter::new);

    private final String word;
    private final Supplier<ItemFormatter> factory;

    OutputFormat(String word, Supplier<ItemFormatter> factory) {
        this.word = word;
        this.factory = factory;
    }

    public String word() {
        return word;
    }

    public ItemFormatter formatter() {
        return factory.get();
    }

    public static Optional<OutputFormat> fromWord(String word) {
        String lower = word == null ? "" : word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.word.equals(lower)).findFirst();
    }

    /** "json|pretty|env|dotenv|export|properties" */
    public static String words() {
        return Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining("|"));
    }
}

package dev.messer.cli;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameterized;
import com.beust.jcommander.ParametersDelegate;
import com.beust.jcommander.WrappedParameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of messer's commands as JCommander finds them, without reading an annotation. The
 * {@code @Parameter} and {@code @ParametersDelegate} annotations stay the declarations; the build
 * writes them into the resource {@value #RESOURCE} ({@link OptionIndexWriter}), and the parser takes
 * each option from there as a {@link Parameterized} over the same field, with its attributes as a
 * plain {@link IndexedParameter}. Reading an annotation at run time makes the JDK generate a proxy
 * class for its type and for its meta-annotations, which neither the AppCDS archive nor the AOT
 * cache can hold: that was most of the CPU a command spent on its options (docs/performance.md).
 * An object whose class the index does not hold (a stale build, a test's own command) has its
 * annotations read as JCommander reads them.
 *
 * <p>Format, UTF-8: a line per object class that holds options (a command, a delegate), then a
 * line for each of its options in JCommander's order, starting with a tab: the declaring class,
 * the field, and either {@code delegate} or the attributes that differ from their defaults as
 * {@code name=value} (one {@code names=} per name), separated by tabs; {@code \\}, {@code \t} and
 * {@code \n} escape a backslash, a tab and a line break in a value. Lines starting with {@code #}
 * are comments.
 */
final class OptionIndex {

    /** The resource beside this class that the build writes. */
    static final String RESOURCE = "options.index";

    static final String DELEGATE_WORD = "delegate";

    /** A {@code @ParametersDelegate} as a plain object: the annotation has no attributes. */
    private static final ParametersDelegate DELEGATE = new ParametersDelegate() {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ParametersDelegate.class;
        }
    };

    private final Map<String, List<String[]>> options;

    private OptionIndex(Map<String, List<String[]>> options) {
        this.options = options;
    }

    /** The index the build wrote; empty (every annotation read) when the resource is missing. */
    static OptionIndex standard() {
        return Standard.INDEX;
    }

    /** Holds the build's index, read on first use. */
    private static final class Standard {
        static final OptionIndex INDEX = load();

        private static OptionIndex load() {
            try (InputStream in = OptionIndex.class.getResourceAsStream(RESOURCE)) {
                return in == null ? new OptionIndex(Map.of())
                        : parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static OptionIndex parse(Reader text) throws IOException {
        Map<String, List<String[]>> options = new HashMap<>();
        List<String[]> current = null;
        BufferedReader lines = new BufferedReader(text);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.charAt(0) != '\t') {
                current = new ArrayList<>();
                options.put(line, current);
            } else if (current == null) {
                throw new IllegalStateException("the option index starts with an option before its class: " + line);
            } else {
                String[] fields = line.substring(1).split("\t", -1);
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = unescape(fields[i]);
                }
                current.add(fields);
            }
        }
        return new OptionIndex(options);
    }

    /** Whether the index holds the options of objects of {@code type}. */
    boolean holds(Class<?> type) {
        return options.containsKey(type.getName());
    }

    /** The options of {@code object} in JCommander's order, from the index, or from its annotations when the index does not hold its class. */
    List<Parameterized> options(Object object) {
        List<String[]> entries = options.get(object.getClass().getName());
        if (entries == null) {
            return Parameterized.parseArg(object);
        }
        List<Parameterized> found = new ArrayList<>(entries.size());
        for (String[] entry : entries) {
            Field field = field(object.getClass(), entry[0], entry[1]);
            if (entry.length == 3 && entry[2].equals(DELEGATE_WORD)) {
                found.add(new IndexedOption(null, DELEGATE, field));
            } else {
                IndexedParameter parameter = new IndexedParameter();
                for (int i = 2; i < entry.length; i++) {
                    int eq = entry[i].indexOf('=');
                    parameter.set(entry[i].substring(0, eq), entry[i].substring(eq + 1));
                }
                found.add(new IndexedOption(parameter, null, field));
            }
        }
        return found;
    }

    /**
     * The type JCommander is told an option has. For a {@code String} option it is {@code CharSequence}:
     * JCommander 2.0 looks for {@code @SubParameter} fields among the declared fields of a single
     * value's type each time it assigns one, and {@code String}'s own fields carry an annotation
     * ({@code @Stable}) whose parsing generates a proxy class on every start; {@code CharSequence}
     * declares no field, and JCommander hands the value of a type it has no converter for on as the
     * {@code String} it was typed.
     */
    static Class<?> parserType(Class<?> type) {
        return type == String.class ? CharSequence.class : type;
    }

    private static Field field(Class<?> type, String declaringClass, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(declaringClass)) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException e) {
                    break;
                }
            }
        }
        throw new IllegalStateException("the option index names " + declaringClass + "." + name + ", which "
                + type.getName() + " does not have: the build's index is out of date; rebuild with './mvnw package'");
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An option of the index: JCommander's own handling of the field, with the attributes of the index. */
    private static final class IndexedOption extends Parameterized {

        IndexedOption(Parameter parameter, ParametersDelegate delegate, Field field) {
            super(parameter == null ? null : new WrappedParameter(parameter), delegate, field, null);
        }

        @Override
        public Class<?> getType() {
            return parserType(super.getType());
        }
    }
}

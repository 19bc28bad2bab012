package dev.messer.cli;

import com.beust.jcommander.DynamicParameter;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the option index ({@link OptionIndex}) from the annotations of every command of the
 * standard tree and of the delegates they hold: a step of the build (the {@code option-index}
 * execution in pom.xml, after the classes are compiled), never run by messer itself. It refuses what
 * the index cannot carry, so that an option declared in a way the index would lose fails the build:
 * an annotated method, {@code @DynamicParameter}, a class-level {@code @Parameters} (which JCommander
 * would read at every start), and a converter, validator or splitter of its own.
 */
public final class OptionIndexWriter {

    private OptionIndexWriter() {
    }

    /** {@code OptionIndexWriter FILE}: writes the index of the standard command tree to FILE. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: OptionIndexWriter FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(roots(CommandTree.standard())), StandardCharsets.UTF_8);
    }

    /** Every object a parser of {@code tree} is given, by class: each command and, within it, each delegate. */
    static Map<Class<?>, Object> roots(CommandTree tree) {
        Map<Class<?>, Object> roots = new LinkedHashMap<>();
        walk(tree.root(), roots);
        return roots;
    }

    private static void walk(CommandTree.Node node, Map<Class<?>, Object> roots) {
        if (node.isLeaf()) {
            addRoot(node.newCommand(), roots);
        }
        node.children().values().forEach(child -> walk(child, roots));
    }

    private static void addRoot(Object object, Map<Class<?>, Object> roots) {
        if (roots.putIfAbsent(object.getClass(), object) != null) {
            return;
        }
        if (object.getClass().getAnnotation(Parameters.class) != null) {
            throw refused(object.getClass().getName(), "has a class-level @Parameters, which JCommander reads "
                    + "as an annotation at every start");
        }
        for (Field field : annotatedFields(object.getClass())) {
            if (field.getAnnotation(Parameter.class) == null && field.getAnnotation(ParametersDelegate.class) != null) {
                addRoot(delegate(object, field), roots);
            }
        }
    }

    /** The index's text for {@code roots}. */
    static String text(Map<Class<?>, Object> roots) {
        StringBuilder text = new StringBuilder("# The options of messer's commands, written at build time from their "
                + "annotations by OptionIndexWriter; read by OptionIndex.\n");
        for (Class<?> root : roots.keySet()) {
            text.append(root.getName()).append('\n');
            for (Field field : annotatedFields(root)) {
                text.append('\t').append(field.getDeclaringClass().getName()).append('\t').append(field.getName());
                Parameter parameter = field.getAnnotation(Parameter.class);
                if (parameter == null) {
                    text.append('\t').append(OptionIndex.DELEGATE_WORD);
                } else {
                    attributes(parameter, field, text);
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    /**
     * The fields JCommander 2.0 takes options from ({@code Parameterized.parseArg}), in its order:
     * the class, its superclasses, then the interfaces, each class's fields in declaration order.
     */
    private static Set<Field> annotatedFields(Class<?> type) {
        Set<Field> fields = new LinkedHashSet<>();
        for (Class<?> c : classTree(type, new LinkedHashSet<>())) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getAnnotation(DynamicParameter.class) != null) {
                    throw refused(c.getName() + "." + field.getName(), "is a @DynamicParameter");
                }
                if (field.getAnnotation(Parameter.class) != null || field.getAnnotation(ParametersDelegate.class) != null) {
                    fields.add(field);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.getAnnotation(Parameter.class) != null || method.getAnnotation(ParametersDelegate.class) != null
                        || method.getAnnotation(DynamicParameter.class) != null) {
                    throw refused(c.getName() + "." + method.getName() + "()", "is an annotated method; declare "
                            + "the option on a field");
                }
            }
        }
        return fields;
    }

    private static Set<Class<?>> classTree(Class<?> type, Set<Class<?>> found) {
        if (type == null || type == Object.class || !found.add(type)) {
            return found;
        }
        classTree(type.getSuperclass(), found);
        for (Class<?> implemented : type.getInterfaces()) {
            classTree(implemented, found);
        }
        return found;
    }

    /** Every attribute that differs from its default, by name; {@code names} once per name. */
    private static void attributes(Parameter parameter, Field field, StringBuilder text) {
        Method[] methods = Parameter.class.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            Object value = value(method, parameter);
            if (Objects.deepEquals(value, method.getDefaultValue())) {
                continue;
            }
            if (value instanceof String[] names) {
                for (String name : names) {
                    text.append('\t').append(method.getName()).append('=').append(OptionIndex.escape(name));
                }
            } else if (value instanceof String || value instanceof Boolean || value instanceof Integer) {
                text.append('\t').append(method.getName()).append('=').append(OptionIndex.escape(String.valueOf(value)));
            } else {
                throw refused(field.getDeclaringClass().getName() + "." + field.getName(), "sets "
                        + method.getName() + ", which the option index does not carry");
            }
        }
    }

    private static Object value(Method attribute, Parameter parameter) {
        try {
            return attribute.invoke(parameter);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + attribute.getName() + " of " + parameter, e);
        }
    }

    private static Object delegate(Object object, Field field) {
        try {
            field.setAccessible(true);
            Object delegate = field.get(object);
            if (delegate == null) {
                throw refused(field.getDeclaringClass().getName() + "." + field.getName(), "is a null delegate");
            }
            return delegate;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the delegate " + field, e);
        }
    }

    private static IllegalStateException refused(String what, String why) {
        return new IllegalStateException("option index: " + what + " " + why);
    }
}

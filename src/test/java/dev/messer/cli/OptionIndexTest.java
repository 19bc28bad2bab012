package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.JCommander;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameterized;
import com.beust.jcommander.ParametersDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The option index the build writes says exactly what the annotations say, for every object a
 * parser is given; a class it does not hold is parsed from its annotations; and the writer refuses
 * what the index cannot carry.
 */
class OptionIndexTest {

    @Test
    void theIndexHoldsEveryCommandAndDelegate_withTheOptionsOfTheirAnnotations_attributeByAttribute() {
        Map<Class<?>, Object> objects = new LinkedHashMap<>();
        collectCommands(CommandTree.standard().root(), objects);
        assertThat(objects).containsKeys(DataBagShowCommand.class, ConfigureCommand.class, CommonOptions.class,
                SettingOptions.class);

        OptionIndex index = OptionIndex.standard();
        int compared = 0;
        for (Object object : objects.values()) {
            String what = object.getClass().getName();
            assertThat(index.holds(object.getClass())).as("the index holds %s", what).isTrue();
            List<Parameterized> fromIndex = index.options(object);
            List<Parameterized> fromAnnotations = Parameterized.parseArg(object);
            assertThat(fromIndex).as(what).hasSameSizeAs(fromAnnotations);
            for (int i = 0; i < fromIndex.size(); i++) {
                assertSame(fromIndex.get(i), fromAnnotations.get(i), what + " option " + i);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void theBuildsIndexIsWhatTheWriterWritesFromTheAnnotationsToday() throws IOException {
        try (InputStream in = OptionIndex.class.getResourceAsStream(OptionIndex.RESOURCE)) {
            assertThat(in).as("the build wrote " + OptionIndex.RESOURCE).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(OptionIndexWriter.text(OptionIndexWriter.roots(CommandTree.standard())));
        }
    }

    @Test
    void aClassTheIndexDoesNotHold_isParsedFromItsAnnotations() {
        assertThat(OptionIndex.standard().holds(Unindexed.class)).isFalse();
        Unindexed command = new Unindexed();

        JCommander parser = Grammar.NONE.parser(command, "messer test");
        parser.parse("--name", "a b", "-n", "3", "--flag", "--shared", "x", "w1", "w2");

        assertThat(command.name).isEqualTo("a b");
        assertThat(command.count).isEqualTo(3);
        assertThat(command.flag).isTrue();
        assertThat(command.delegate.shared).isEqualTo("x");
        assertThat(command.words).containsExactly("w1", "w2");
        StringBuilder usage = new StringBuilder();
        parser.getUsageFormatter().usage(usage);
        assertThat(usage.toString()).contains("--name", "The name", "--shared").doesNotContain("--secret-flag");
    }

    @Test
    void anIndexRead_givesTheAttributesAndEscapedTextItCarries() throws IOException {
        OptionIndex index = OptionIndex.parse(new StringReader("# comment\n" + Unindexed.class.getName() + "\n"
                + "\t" + Unindexed.class.getName() + "\tname\tdescription=tab\\there, line\\nbreak, back\\\\slash"
                + "\tnames=--name\tnames=-N\trequired=true\tarity=1\torder=4\n"
                + "\t" + Unindexed.class.getName() + "\tdelegate\tdelegate\n"));
        List<Parameterized> options = index.options(new Unindexed());

        assertThat(options).hasSize(2);
        Parameter name = options.get(0).getParameter();
        assertThat(name.names()).containsExactly("--name", "-N");
        assertThat(name.description()).isEqualTo("tab\there, line\nbreak, back\\slash");
        assertThat(name.required()).isTrue();
        assertThat(name.arity()).isEqualTo(1);
        assertThat(name.order()).isEqualTo(4);
        assertThat(name.hidden()).isFalse();
        assertThat(options.get(0).getType()).isEqualTo(CharSequence.class);
        assertThat(options.get(1).getDelegateAnnotation()).isNotNull();
        assertThat(options.get(1).getWrappedParameter()).isNull();
        assertThat(OptionIndex.unescape(OptionIndex.escape("a\\t\tb\n"))).isEqualTo("a\\t\tb\n");
    }

    @Test
    void anIndexNamingAFieldTheClassLacks_failsSayingTheBuildIsOutOfDate() throws IOException {
        OptionIndex stale = OptionIndex.parse(new StringReader(Unindexed.class.getName() + "\n\t"
                + Unindexed.class.getName() + "\tgone\tnames=--gone\n"));

        assertThatThrownBy(() -> stale.options(new Unindexed())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Unindexed.class.getName() + ".gone").hasMessageContaining("./mvnw package");
    }

    @Test
    void anIndexWithAnAttributeItDoesNotCarry_isRefused() throws IOException {
        OptionIndex odd = OptionIndex.parse(new StringReader(Unindexed.class.getName() + "\n\t"
                + Unindexed.class.getName() + "\tname\tconverter=x\n"));

        assertThatThrownBy(() -> odd.options(new Unindexed())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("converter");
    }

    @Test
    void theWriterRefusesAConverterAndAnAnnotatedMethod_whichTheIndexWouldLose() {
        assertThatThrownBy(() -> OptionIndexWriter.text(Map.of(WithConverter.class, new WithConverter())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WithConverter.number")
                .hasMessageContaining("converter");
        assertThatThrownBy(() -> OptionIndexWriter.text(Map.of(WithMethod.class, new WithMethod())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("WithMethod.name()");
    }

    /** Every object a parser of the tree is given: each command and, within it, each delegate. */
    private static void collectCommands(CommandTree.Node node, Map<Class<?>, Object> into) {
        if (node.isLeaf()) {
            collectWithDelegates(node.newCommand(), into);
        }
        node.children().values().forEach(child -> collectCommands(child, into));
    }

    private static void collectWithDelegates(Object object, Map<Class<?>, Object> into) {
        if (into.putIfAbsent(object.getClass(), object) == null) {
            for (Parameterized option : Parameterized.parseArg(object)) {
                if (option.getDelegateAnnotation() != null) {
                    collectWithDelegates(option.get(object), into);
                }
            }
        }
    }

    private static void assertSame(Parameterized indexed, Parameterized annotated, String what) {
        assertThat(indexed.getName()).as(what).isEqualTo(annotated.getName());
        assertThat(indexed.getGenericType()).as(what).isEqualTo(annotated.getGenericType());
        assertThat(indexed.getType()).as(what).isEqualTo(OptionIndex.parserType(annotated.getType()));
        assertThat(indexed.getDelegateAnnotation() != null).as(what + " is a delegate")
                .isEqualTo(annotated.getDelegateAnnotation() != null);
        assertThat(indexed.getWrappedParameter() != null).as(what + " is an option")
                .isEqualTo(annotated.getWrappedParameter() != null);
        if (annotated.getWrappedParameter() == null) {
            return;
        }
        assertThat(indexed.getWrappedParameter().getDynamicParameter()).isNull();
        for (Method attribute : Parameter.class.getDeclaredMethods()) {
            Object expected = attribute(attribute, annotated.getParameter());
            Object actual = attribute(attribute, indexed.getParameter());
            assertThat(Objects.deepEquals(actual, expected)).as("%s (%s) %s: %s, annotated %s", what, annotated.getName(),
                    attribute.getName(), actual, expected).isTrue();
        }
    }

    private static Object attribute(Method attribute, Parameter parameter) {
        try {
            return attribute.invoke(parameter);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
    }

    /** A command of a test, which the build's index does not hold. */
    static final class Unindexed {

        @Parameter(names = "--name", description = "The name")
        String name;

        @Parameter(names = "-n", description = "How many")
        int count;

        @Parameter(names = "--flag")
        boolean flag;

        @Parameter(names = "--secret-flag", hidden = true)
        boolean secretFlag;

        @ParametersDelegate
        Shared delegate = new Shared();

        @Parameter(description = "WORDS")
        List<String> words = new ArrayList<>();
    }

    static final class Shared {

        @Parameter(names = "--shared")
        String shared;
    }

    static final class WithConverter {

        @Parameter(names = "--number", converter = Doubled.class)
        Integer number;
    }

    static final class Doubled implements IStringConverter<Integer> {

        @Override
        public Integer convert(String value) {
            return 2 * Integer.parseInt(value);
        }
    }

    static final class WithMethod {

        @Parameter(names = "--name")
        void name(String value) {
        }
    }
}

package dev.messer.cli;

import com.beust.jcommander.IParameterValidator;
import com.beust.jcommander.IStringConverter;
import com.beust.jcommander.IValueValidator;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.converters.CommaParameterSplitter;
import com.beust.jcommander.converters.IParameterSplitter;
import com.beust.jcommander.converters.NoConverter;
import com.beust.jcommander.validators.NoValidator;
import com.beust.jcommander.validators.NoValueValidator;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of one {@code @Parameter} as a plain object, which JCommander reads as it reads the
 * annotation: read from the option index ({@link OptionIndex}) or made from a setting's definition
 * ({@link SettingOptions}), so that no annotation is parsed at run time. Every attribute not given
 * keeps the annotation's default; the class-valued attributes (converters, validators, the splitter)
 * are always their defaults, which the index's writer checks ({@link OptionIndexWriter}).
 */
final class IndexedParameter implements Parameter {

    private final List<String> names = new ArrayList<>();
    private String description = "";
    private String defaultValueDescription = "";
    private String descriptionKey = "";
    private String category = "";
    private boolean required;
    private boolean password;
    private boolean hidden;
    private boolean variableArity;
    private boolean echoInput;
    private boolean help;
    private boolean forceNonOverwritable;
    private int arity = DEFAULT_ARITY;
    private int order = -1;

    /** A plain option: these names and this help, every other attribute its default. */
    static IndexedParameter of(List<String> names, String description) {
        IndexedParameter parameter = new IndexedParameter();
        parameter.names.addAll(names);
        parameter.description = description;
        return parameter;
    }

    IndexedParameter() {
    }

    /**
     * Sets the attribute {@code name} from its text in the index; a {@code names} attribute adds one name.
     *
     * @throws IllegalArgumentException for an attribute the index does not carry
     */
    void set(String name, String value) {
        switch (name) {
            case "names" -> names.add(value);
            case "description" -> description = value;
            case "defaultValueDescription" -> defaultValueDescription = value;
            case "descriptionKey" -> descriptionKey = value;
            case "category" -> category = value;
            case "required" -> required = Boolean.parseBoolean(value);
            case "password" -> password = Boolean.parseBoolean(value);
            case "hidden" -> hidden = Boolean.parseBoolean(value);
            case "variableArity" -> variableArity = Boolean.parseBoolean(value);
            case "echoInput" -> echoInput = Boolean.parseBoolean(value);
            case "help" -> help = Boolean.parseBoolean(value);
            case "forceNonOverwritable" -> forceNonOverwritable = Boolean.parseBoolean(value);
            case "arity" -> arity = Integer.parseInt(value);
            case "order" -> order = Integer.parseInt(value);
            default -> throw new IllegalArgumentException("the option index carries no attribute '" + name + "'");
        }
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return Parameter.class;
    }

    @Override
    public String[] names() {
        return names.toArray(new String[0]);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String defaultValueDescription() {
        return defaultValueDescription;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public String descriptionKey() {
        return descriptionKey;
    }

    @Override
    public int arity() {
        return arity;
    }

    @Override
    public boolean password() {
        return password;
    }

    @Override
    public Class<? extends IStringConverter<?>> converter() {
        return NoConverter.class;
    }

    @Override
    public Class<? extends IStringConverter<?>> listConverter() {
        return NoConverter.class;
    }

    @Override
    public boolean hidden() {
        return hidden;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array can be created
    public Class<? extends IParameterValidator>[] validateWith() {
        return new Class[] {NoValidator.class};
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // no generic array, and JCommander declares IValueValidator raw
    public Class<? extends IValueValidator>[] validateValueWith() {
        return new Class[] {NoValueValidator.class};
    }

    @Override
    public boolean variableArity() {
        return variableArity;
    }

    @Override
    public Class<? extends IParameterSplitter> splitter() {
        return CommaParameterSplitter.class;
    }

    @Override
    public boolean echoInput() {
        return echoInput;
    }

    @Override
    public boolean help() {
        return help;
    }

    @Override
    public boolean forceNonOverwritable() {
        return forceNonOverwritable;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String category() {
        return category;
    }

    @Override
    public String toString() {
        return "@Parameter(" + String.join(", ", names) + ")";
    }
}

package dev.messer.cli;

import com.beust.jcommander.IParameterizedParser;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameterized;
import com.beust.jcommander.WrappedParameter;
import dev.messer.config.IniFile;
import dev.messer.config.Setting;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The options of {@code messer configure} that each write one setting, made from the setting
 * definitions ({@link Setting#option()}) instead of being listed by hand. JCommander sees each as a
 * {@code String} option with the definition's names and help: every parser is built by
 * {@link Grammar#parser}, whose {@link #DISCOVERY} finds the declared options of an object in the
 * option index ({@link OptionIndex}) and adds these when it meets an object of this class (held by
 * the command as a {@code @ParametersDelegate}).
 */
final class SettingOptions {

    /** Finds the declared options of an object, and, in a {@link SettingOptions}, one option per definition. */
    static final IParameterizedParser DISCOVERY = object -> {
        List<Parameterized> found = new ArrayList<>(OptionIndex.standard().options(object));
        if (object instanceof SettingOptions) {
            for (Setting setting : Setting.values()) {
                if (setting.option() != null) {
                    found.add(new SettingParameter(setting));
                }
            }
        }
        return found;
    };

    private final Map<Setting, String> given = new EnumMap<>(Setting.class);

    /**
     * The settings given on the command line.
     *
     * @throws UsageException naming the option when a value holds a line break or another control character
     */
    Map<Setting, String> given() {
        given.forEach((setting, value) -> oneLine(longestName(setting), value));
        return new EnumMap<>(given);
    }

    /** @throws UsageException naming {@code what} when {@code value} holds a control character */
    static String oneLine(String what, String value) {
        String bad = IniFile.controlCharacter(value);
        if (bad != null) {
            throw new UsageException(what + " holds the control character " + bad + "; a setting is one line of "
                    + "printable text, so give the value without line breaks or control characters");
        }
        return value;
    }

    private static String longestName(Setting setting) {
        List<String> names = setting.option().names();
        return names.get(names.size() - 1);
    }

    /** One setting's option, as JCommander would read it from a {@code String} field annotated with {@link Parameter}. */
    private static final class SettingParameter extends Parameterized {

        private final Setting setting;

        SettingParameter(Setting setting) {
            super(new WrappedParameter(IndexedParameter.of(setting.option().names(), setting.option().description())),
                    null, null, null);
            this.setting = setting;
        }

        @Override
        public Class<?> getType() {
            return OptionIndex.parserType(String.class);
        }

        @Override
        public Type getGenericType() {
            return String.class;
        }

        @Override
        public Type findFieldGenericType() {
            return null;
        }

        @Override
        public String getName() {
            return setting.iniName();
        }

        @Override
        public boolean isDynamicParameter() {
            return false;
        }

        @Override
        public Object get(Object object) {
            return ((SettingOptions) object).given.get(setting);
        }

        @Override
        public void set(Object object, Object value) {
            ((SettingOptions) object).given.put(setting, (String) value);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SettingParameter parameter && parameter.setting == setting;
        }

        /** From the name, as a field's is: the same in every run, so help and completion keep their order. */
        @Override
        public int hashCode() {
            return setting.iniName().hashCode();
        }
    }
}

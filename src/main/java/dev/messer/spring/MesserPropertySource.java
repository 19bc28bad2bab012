package dev.messer.spring;

import java.util.Map;
import org.springframework.core.env.MapPropertySource;

/**
 * The fields of one imported item, by property name. Its values are secrets: the actuator shows
 * them masked ({@link MesserSanitizing}), whatever {@code show-values} says.
 */
public final class MesserPropertySource extends MapPropertySource {

    private final transient MesserImports imports;

    MesserPropertySource(String name, Map<String, Object> fields, MesserImports imports) {
        super(name, fields);
        this.imports = imports;
    }

    /** The clients of the application run that imported it, closed once the application has started. */
    MesserImports imports() {
        return imports;
    }
}

package dev.messer.spring;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks every value messer imported in the actuator's {@code /env} and {@code /configprops}, even
 * with {@code management.endpoint.env.show-values=always}; other properties are left to the
 * actuator's own rules. Active when the actuator is on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
public class MesserSanitizing {

    @Bean
    public SanitizingFunction messerSanitizingFunction() {
        return MesserSanitizing::sanitize;
    }

    static SanitizableData sanitize(SanitizableData data) {
        return data.getPropertySource() instanceof MesserPropertySource ? data.withSanitizedValue() : data;
    }
}

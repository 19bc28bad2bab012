package dev.messer.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;

class MesserSanitizingTest {

    @Test
    void messersValues_areMasked_andOthersAreLeftAsTheyAre() {
        MesserPropertySource messer = new MesserPropertySource("messer:payments/db", Map.of("db.password", "s3cret"),
                new MesserImports(warning -> { }));
        MapPropertySource plain = new MapPropertySource("application", Map.of("greeting", "hello"));
        assertThat(MesserSanitizing.sanitize(new SanitizableData(messer, "db.password", "s3cret")).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(MesserSanitizing.sanitize(new SanitizableData(plain, "greeting", "hello")).getValue())
                .isEqualTo("hello");
    }
}

package dev.messer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The rule against Gson's {@code equals} fails on code that may call it, in each form javac compiles it to, and only there. */
class JsonEqualityRuleTest {

    /** Breaks the rule five ways. */
    static final class ComparesWithGsonEquals {
        boolean same(JsonElement a, JsonElement b, JsonObject c, JsonObject d, JsonArray e, JsonArray f,
                     JsonPrimitive g, JsonPrimitive h) {
            return a.equals(b) && c.equals(d) && e.equals(f) && g.equals(h) && Objects.equals(a, b);
        }
    }

    /** Compares by text, as item values are compared; and uses equals freely where it handles no JSON. */
    static final class ComparesByText {
        boolean same(JsonElement a, JsonElement b) {
            return a.toString().equals(b.toString());
        }
    }

    static final class HandlesNoJson {
        boolean same(Object a, Object b) {
            return a.equals(b) && Objects.equals(a, b);
        }
    }

    private static EvaluationResult evaluate(Class<?>... types) {
        JavaClasses classes = new ClassFileImporter().importClasses(types);
        return ArchitectureTest.jsonValuesAreNeverComparedWithGsonEquals.evaluate(classes);
    }

    @Test
    void everyCallOfGsonEquals_isAViolation() {
        EvaluationResult result = evaluate(ComparesWithGsonEquals.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).hasSize(5)
                .anyMatch(d -> d.contains("<java.lang.Object.equals")).anyMatch(d -> d.contains("JsonObject.equals"))
                .anyMatch(d -> d.contains("JsonArray.equals")).anyMatch(d -> d.contains("JsonPrimitive.equals"))
                .anyMatch(d -> d.contains("java.util.Objects.equals"));
    }

    @Test
    void comparingByText_passes() {
        assertThat(evaluate(ComparesByText.class, HandlesNoJson.class).hasViolation()).isFalse();
    }
}

package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import dev.messer.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class KeyVersionFieldTest {

    @Test
    void integer_isTheVersion() {
        assertThat(KeyVersionField.parse(new JsonPrimitive(3), "item")).isEqualTo(3);
        assertThat(KeyVersionField.parse(new JsonPrimitive(0), "item")).isZero();
    }

    @Test
    void stringHoldingAnInteger_isTheVersion() {
        assertThat(KeyVersionField.parse(new JsonPrimitive("12"), "item")).isEqualTo(12);
    }

    @Test
    void stringLatest_meansVersionZero_asOldMesserFilesUseIt() {
        assertThat(KeyVersionField.parse(new JsonPrimitive("latest"), "item")).isZero();
    }

    @Test
    void negativeNumber_isInvalid() {
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive(-1), "item x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("item x has key_version '-1'");
    }

    @Test
    void fractionOrWord_isInvalid() {
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive(1.5), "item"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive("newest"), "item"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a version number");
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive(true), "item"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void numberBeyondIntRange_isInvalid() {
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive(99999999999L), "item"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theIntLimit_whoseNextVersionWouldOverflow_isInvalid() {
        assertThat(KeyVersionField.parse(new JsonPrimitive(2147483646), "item")).isEqualTo(2147483646);
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive(2147483647), "item db"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("item db has key_version '2147483647', which is not a version number (0 to 2147483646)");
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonPrimitive("\u0663"), "item"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'\\u0663'");
    }

    @Test
    void missingNullOrStructured_isInvalidNamingTheSource() {
        assertThatThrownBy(() -> KeyVersionField.parse(null, "item db"))
                .isInstanceOf(InvalidInputException.class).hasMessage("item db has no key_version");
        assertThatThrownBy(() -> KeyVersionField.parse(JsonNull.INSTANCE, "item db"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> KeyVersionField.parse(new JsonArray(), "item db"))
                .isInstanceOf(InvalidInputException.class);
    }
}

package dev.messer.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KeyVersionNumberTest {

    @Test
    void asciiDigitsFromZeroToTheMaximum_areVersions() {
        assertThat(KeyVersionNumber.parse("0")).hasValue(0);
        assertThat(KeyVersionNumber.parse("17")).hasValue(17);
        assertThat(KeyVersionNumber.parse("2147483646")).hasValue(2147483646);
        assertThat(KeyVersionNumber.MAX).isEqualTo(2147483646);
    }

    @Test
    void theIntLimitAndAbove_signsAndOtherDigits_areNot() {
        for (String text : new String[] {"2147483647", "2147483648", "99999999999999999999999", "-1", "+1", "-0",
                "", " 1", "1 ", "1e3", "0x10", "00", "07", "\u0663", "1\n"}) {
            assertThat(KeyVersionNumber.parse(text)).as("'%s'", text).isEqualTo(OptionalInt.empty());
        }
        assertThat(KeyVersionNumber.parse(null)).isEmpty();
    }

    @Test
    void wholeNumbers_outOfRangeOrSigned_areToldApartFromStrayNames() {
        assertThat(KeyVersionNumber.isWholeNumber("-1")).isTrue();
        assertThat(KeyVersionNumber.isWholeNumber("+12")).isTrue();
        assertThat(KeyVersionNumber.isWholeNumber("99999999999999999999")).isTrue();
        assertThat(KeyVersionNumber.isWholeNumber("notes.txt")).isFalse();
        assertThat(KeyVersionNumber.isWholeNumber("-")).isFalse();
        assertThat(KeyVersionNumber.isWholeNumber(null)).isFalse();
    }
}

package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ItemBindingTest {

    @Test
    void associatedData_isTheLabelThenSixLengthPrefixedUtf8Fields() {
        ItemBinding binding = new ItemBinding("dev", "secrets", "payments", "db", "app", 3);
        String expected = hex("messer/item/v2")
                + "00000003" + hex("dev")
                + "00000007" + hex("secrets")
                + "00000008" + hex("payments")
                + "00000002" + hex("db")
                + "00000003" + hex("app")
                + "00000001" + hex("3");
        assertThat(HexFormat.of().formatHex(binding.toAssociatedData())).isEqualTo(expected);
    }

    @Test
    void absentTierAndFolder_areEmptyFieldsWithZeroLength() {
        ItemBinding binding = new ItemBinding(null, null, "b", "i", "k", 0);
        assertThat(binding.tier()).isEmpty();
        assertThat(binding.folder()).isEmpty();
        assertThat(HexFormat.of().formatHex(binding.toAssociatedData())).isEqualTo(hex("messer/item/v2")
                + "00000000" + "00000000" + "00000001" + hex("b") + "00000001" + hex("i")
                + "00000001" + hex("k") + "00000001" + hex("0"));
    }

    @Test
    void keyVersion_isDecimalText() {
        byte[] aad = new ItemBinding("", "", "b", "i", "k", 1234).toAssociatedData();
        String tail = HexFormat.of().formatHex(aad).substring(HexFormat.of().formatHex(aad).length() - 16);
        assertThat(tail).isEqualTo("00000004" + hex("1234"));
    }

    @Test
    void fields_areUtf8AndLengthIsInBytesNotCharacters() {
        byte[] aad = new ItemBinding("é", "", "b", "i", "k", 1).toAssociatedData();
        assertThat(HexFormat.of().formatHex(aad)).startsWith(hex("messer/item/v2") + "00000002" + "c3a9");
    }

    @Test
    void fieldBoundaries_matter_soShiftedTextGivesOtherBytes() {
        ItemBinding a = new ItemBinding("dev", "", "ab", "c", "k", 1);
        ItemBinding b = new ItemBinding("dev", "", "a", "bc", "k", 1);
        ItemBinding c = new ItemBinding("dev/x", "", "b", "c", "k", 1);
        ItemBinding d = new ItemBinding("dev", "x", "b", "c", "k", 1);
        assertThat(a.toAssociatedData()).isNotEqualTo(b.toAssociatedData());
        assertThat(c.toAssociatedData()).isNotEqualTo(d.toAssociatedData());
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.InvalidInputException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextTest {

    @Test
    void parse_readsCommaSeparatedPairsAndTrimsThem() {
        EncryptionContext context = EncryptionContext.parse(" team = payments , app=checkout,");
        assertThat(context.asMap()).containsExactly(Map.entry("app", "checkout"), Map.entry("team", "payments"));
    }

    @Test
    void parse_blankOrNull_isEmpty() {
        assertThat(EncryptionContext.parse(null).isEmpty()).isTrue();
        assertThat(EncryptionContext.parse("   ").isEmpty()).isTrue();
        assertThat(EncryptionContext.parse("  ")).isEqualTo(EncryptionContext.empty());
    }

    @Test
    void parse_valueMayContainEqualsSign() {
        assertThat(EncryptionContext.parse("k=a=b").asMap()).containsExactly(Map.entry("k", "a=b"));
    }

    @Test
    void parse_entryWithoutKey_isInvalidInputNamingTheFix() {
        assertThatThrownBy(() -> EncryptionContext.parse("team=payments,checkout"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'checkout'").hasMessageContaining("key=value");
        assertThatThrownBy(() -> EncryptionContext.parse("=value")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pairs_areSortedByKeyWhateverTheInsertionOrder() {
        Map<String, String> inserted = new LinkedHashMap<>();
        inserted.put("z", "1");
        inserted.put("a", "2");
        assertThat(EncryptionContext.of(inserted).asMap().keySet()).containsExactly("a", "z");
        assertThat(EncryptionContext.of(inserted)).isEqualTo(EncryptionContext.parse("a=2,z=1"));
    }

    @Test
    void asMap_isUnmodifiable() {
        EncryptionContext context = EncryptionContext.parse("a=1");
        assertThatThrownBy(() -> context.asMap().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_returnsACopyAndLeavesTheOriginalUnchanged() {
        EncryptionContext base = EncryptionContext.parse("a=1");
        EncryptionContext more = base.with("b", "2").with("a", "9");
        assertThat(base.asMap()).containsExactly(Map.entry("a", "1"));
        assertThat(more.asMap()).containsExactly(Map.entry("a", "9"), Map.entry("b", "2"));
    }

    @Test
    void associatedData_isLengthPrefixedKeyThenValueInKeyOrder() {
        EncryptionContext context = EncryptionContext.parse("b=xy,a=1");
        assertThat(HexFormat.of().formatHex(context.toAssociatedData())).isEqualTo(
                "00000001" + "61" + "00000001" + "31"           // a = 1
                        + "00000001" + "62" + "00000002" + "7879"); // b = xy
    }

    @Test
    void associatedData_ofEmptyContext_isEmpty() {
        assertThat(EncryptionContext.empty().toAssociatedData()).isEmpty();
    }

    @Test
    void associatedData_distinguishesPairsThatConcatenateAlike() {
        EncryptionContext one = EncryptionContext.of(Map.of("ab", "c"));
        EncryptionContext two = EncryptionContext.of(Map.of("a", "bc"));
        assertThat(one.toAssociatedData()).isNotEqualTo(two.toAssociatedData());
    }

    @Test
    void metadataValue_isUrlEncodedSortedAndAscii() {
        EncryptionContext context = EncryptionContext.of(Map.of("messer:key_name", "app", "team", "pay ments&co"));
        String value = context.toMetadataValue();
        assertThat(value).isEqualTo("messer%3Akey_name=app&team=pay+ments%26co");
        assertThat(value.chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Test
    void metadataValue_roundTripsNonAsciiAndSpecialCharacters() {
        EncryptionContext context = EncryptionContext.of(Map.of(
                "équipe", "paiements ☃", "a=b", "c&d", "plus", "1+1", "pct", "100%", "empty", ""));
        String value = context.toMetadataValue();
        assertThat(value.chars().allMatch(c -> c < 0x80)).isTrue();
        assertThat(EncryptionContext.fromMetadataValue(value)).isEqualTo(context);
    }

    @Test
    void fromMetadataValue_nullOrEmpty_isEmpty() {
        assertThat(EncryptionContext.fromMetadataValue(null).isEmpty()).isTrue();
        assertThat(EncryptionContext.fromMetadataValue("").isEmpty()).isTrue();
    }

    @Test
    void fromMetadataValue_malformed_isInvalidInput() {
        assertThatThrownBy(() -> EncryptionContext.fromMetadataValue("novalue"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> EncryptionContext.fromMetadataValue("a=%zz"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed");
    }

    @Test
    void equalContexts_haveEqualHashCodes() {
        assertThat(EncryptionContext.parse("a=1,b=2").hashCode()).isEqualTo(EncryptionContext.parse("b=2,a=1").hashCode());
    }
}

package dev.messer.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeCodecTest {

    private static final byte[] ITEM = "{\"id\":\"db\"}".getBytes(StandardCharsets.UTF_8);
    private static final ItemBinding HERE = new ItemBinding("dev", "", "payments", "db", "app", 3);

    @ParameterizedTest
    @EnumSource(EnvelopeVersion.class)
    void encodeThenDecode_roundTripsEveryField(EnvelopeVersion version) {
        try (DataKey key = TestKeys.dataKey("codec")) {
            Envelope sealed = Envelope.seal(version, key, ITEM, HERE);
            Envelope decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(sealed));
            assertThat(decoded.version()).isEqualTo(version);
            assertThat(decoded.nonce()).isEqualTo(sealed.nonce());
            assertThat(decoded.ciphertext()).isEqualTo(sealed.ciphertext());
            assertThat(decoded.tag()).isEqualTo(sealed.tag());
            assertThat(decoded.keyName()).isEqualTo("app");
            assertThat(decoded.keyVersion()).isEqualTo(3);
            assertThat(decoded.open(key, HERE)).isEqualTo(ITEM);
        }
    }

    @ParameterizedTest
    @EnumSource(EnvelopeVersion.class)
    void encode_writesStandardPaddedBase64OfTheSixFieldJsonObject(EnvelopeVersion version) {
        try (DataKey key = TestKeys.dataKey("codec")) {
            Envelope sealed = Envelope.seal(version, key, ITEM, HERE);
            String wire = EnvelopeCodec.encode(sealed);
            assertThat(wire).matches("[A-Za-z0-9+/]*={0,2}");
            JsonObject json = JsonParser.parseString(new String(Base64.getDecoder().decode(wire),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            assertThat(json.keySet()).containsExactly("iv", "encrypted_secret", "tag", "key_name", "key_version", "version");
            assertThat(json.get("version").getAsJsonPrimitive().isString()).isTrue();
            assertThat(json.get("version").getAsString()).isEqualTo(version.wire());
            assertThat(json.get("key_version").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(Base64.getDecoder().decode(json.get("iv").getAsString())).hasSize(version.nonceBytes());
            assertThat(Base64.getDecoder().decode(json.get("tag").getAsString())).hasSize(16);
        }
    }

    @Test
    void decode_acceptsKeyVersionAsAString() {
        String wire = wire("{\"iv\":\"" + b64(new byte[32]) + "\",\"encrypted_secret\":\"\",\"tag\":\"" + b64(new byte[16])
                + "\",\"key_name\":\"app\",\"key_version\":\"7\",\"version\":\"1\"}");
        assertThat(EnvelopeCodec.decode(wire).keyVersion()).isEqualTo(7);
    }

    @Test
    void decode_acceptsFieldsInAnyOrderAndPythonSpacing_asPython2JsonDumpsWritesThem() {
        try (DataKey key = TestKeys.dataKey("codec")) {
            Envelope sealed = Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE);
            String json = "{\"version\": \"1\", \"tag\": \"" + b64(sealed.tag()) + "\", \"key_version\": 3, "
                    + "\"encrypted_secret\": \"" + b64(sealed.ciphertext()) + "\", \"key_name\": \"app\", "
                    + "\"iv\": \"" + b64(sealed.nonce()) + "\"}";
            assertThat(EnvelopeCodec.decode(wire(json)).open(key, HERE)).isEqualTo(ITEM);
        }
    }

    @Test
    void decode_acceptsBase64WrappedOverSeveralLines() {
        try (DataKey key = TestKeys.dataKey("codec")) {
            String wire = EnvelopeCodec.encode(Envelope.seal(EnvelopeVersion.V1, key, ITEM, HERE));
            String wrapped = wire.replaceAll("(.{76})", "$1\n") + "\n";
            assertThat(EnvelopeCodec.decode(wrapped).open(key, HERE)).isEqualTo(ITEM);
        }
    }

    @Test
    void decode_flippedBitInsideTheEncodedCiphertext_failsIntegrityOnOpen() {
        try (DataKey key = TestKeys.dataKey("codec")) {
            Envelope sealed = Envelope.seal(EnvelopeVersion.V2, key, ITEM, HERE);
            JsonObject json = envelopeJson(EnvelopeCodec.encode(sealed));
            json.addProperty("encrypted_secret", b64(EnvelopeTest.flip(sealed.ciphertext(), 2)));
            Envelope tampered = EnvelopeCodec.decode(wire(json.toString()));
            assertThatThrownBy(() -> tampered.open(key, HERE)).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void decode_notBase64_isInvalidInput() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("this is *not* base64!"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid envelope");
    }

    @Test
    void decode_base64OfNonJson_isInvalidInput() {
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire("not json at all {")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid envelope");
    }

    @Test
    void decode_base64OfJsonArray_isInvalidInput() {
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire("[1,2]")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid envelope");
    }

    @Test
    void decode_emptyText_isInvalidInput() {
        assertThatThrownBy(() -> EnvelopeCodec.decode("")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void decode_unknownVersion_isInvalidInputNamingIt() {
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(validJson("3"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'3'");
    }

    @Test
    void decode_versionAsNumber_isInvalidInput() {
        String json = validJson("1").replace("\"version\":\"1\"", "\"version\":1");
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void decode_missingField_isInvalidInputNamingIt() {
        for (String field : new String[] {"iv", "encrypted_secret", "tag", "key_name", "key_version", "version"}) {
            JsonObject json = JsonParser.parseString(validJson("2")).getAsJsonObject();
            json.remove(field);
            assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json.toString())))
                    .as(field).isInstanceOf(InvalidInputException.class).hasMessageContaining(field);
        }
    }

    @Test
    void decode_fieldThatIsNotBase64_isInvalidInputNamingIt() {
        JsonObject json = JsonParser.parseString(validJson("2")).getAsJsonObject();
        json.addProperty("tag", "***");
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json.toString())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'tag' is not base64");
    }

    @Test
    void decode_keyNameThatIsNotAString_isInvalidInput() {
        JsonObject json = JsonParser.parseString(validJson("2")).getAsJsonObject();
        json.add("key_name", new com.google.gson.JsonArray());
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json.toString()))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void decode_keyNameOutsideTheNamingRule_isRefused_showingItEscaped() {
        JsonObject json = JsonParser.parseString(validJson("2")).getAsJsonObject();
        json.addProperty("key_name", "app\u001b]0;OWNED\u0007");
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json.toString()))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("key_name 'app\\x1b]0;OWNED\\x07'").hasMessageNotContaining("\u001b");
    }

    @Test
    void decode_unknownVersionWithControlCharacters_namesItEscaped() {
        String json = validJson("2").replace("\"version\":\"2\"", "\"version\":\"\\u001b[2J\"");
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(json))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'\\x1b[2J'").hasMessageNotContaining("\u001b");
    }

    @Test
    void decode_deeplyNestedJson_isInvalidInputNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> EnvelopeCodec.decode(wire(deep))).isInstanceOf(InvalidInputException.class);
    }

    private static String validJson(String version) {
        return "{\"iv\":\"" + b64(new byte[12]) + "\",\"encrypted_secret\":\"" + b64(new byte[4]) + "\",\"tag\":\""
                + b64(new byte[16]) + "\",\"key_name\":\"app\",\"key_version\":3,\"version\":\"" + version + "\"}";
    }

    private static JsonObject envelopeJson(String wire) {
        return JsonParser.parseString(new String(Base64.getDecoder().decode(wire), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    private static String wire(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package dev.messer.crypto;

import dev.messer.crypto.EnvelopeVersion;
import dev.messer.store.StoreNotices;
import dev.messer.output.DecryptedItem;
import dev.messer.keys.FixedDataKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.error.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the envelope formats against the independent Python implementation in
 * {@code vectors/messer_vectors.py}: version 1 vectors made as Messer 2.0.13 makes them are read by
 * this code, and version 1 and 2 items written by this code are read by Python (version 2 with the
 * associated data exactly as docs/format.md specifies it).
 */
class KnownAnswerVectorsTest {

    private static final String PYTHON_V1 = "/vectors/v1-from-python.json";
    private static final String FROM_JAVA = "/vectors/from-java.json";
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void committedPythonVectors_areExactlyWhatTheScriptGenerates() {
        assertThat(PythonReference.runOk("generate")).isEqualTo(resource(PYTHON_V1));
    }

    @Test
    void pythonVectors_coverKeyVersionAsIntegerAsStringAndLatest() {
        List<JsonElement> forms = new ArrayList<>();
        vectors(PYTHON_V1).forEach(v -> forms.add(v.get("key_version")));
        assertThat(forms).anyMatch(e -> e.getAsJsonPrimitive().isNumber())
                .anyMatch(e -> e.getAsJsonPrimitive().isString() && e.getAsString().matches("\\d+"))
                .anyMatch(e -> e.getAsString().equals("latest"));
    }

    @Test
    void everyPythonV1Vector_decodesToItsIvCiphertextAndTag_andOpensToTheExactPlaintext() {
        for (JsonObject v : vectors(PYTHON_V1)) {
            Envelope envelope = EnvelopeCodec.decode(v.get("envelope").getAsString());
            assertThat(envelope.version()).isEqualTo(EnvelopeVersion.V1);
            assertThat(HEX.formatHex(envelope.nonce())).isEqualTo(v.get("iv").getAsString());
            assertThat(HEX.formatHex(envelope.ciphertext())).isEqualTo(v.get("ciphertext").getAsString());
            assertThat(HEX.formatHex(envelope.tag())).isEqualTo(v.get("tag").getAsString());
            assertThat(envelope.keyName()).isEqualTo(v.get("key_name").getAsString());
            try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
                byte[] plaintext = envelope.open(key, binding(v, envelope.keyVersion()));
                assertThat(new String(plaintext, StandardCharsets.UTF_8)).as(v.get("name").getAsString())
                        .isEqualTo(v.get("plaintext").getAsString());
            }
        }
    }

    @Test
    void everyPythonV1Vector_opensThroughItemCryptoAtItsPath_withMessersKeyVersionMeaning() {
        for (JsonObject v : vectors(PYTHON_V1)) {
            StoredItem stored = StoredItem.parse(bytes(v.get("stored_item").getAsString()), "vector");
            JsonElement version = v.get("key_version");
            int expectedVersion = version.getAsString().equals("latest") ? 0 : version.getAsInt();
            assertThat(stored.keyVersion()).isEqualTo(expectedVersion);
            try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
                ItemDocument item = crypto(v).open(v.get("bag").getAsString(), v.get("id").getAsString(), stored, new FixedDataKeys(key));
                assertThat(item.json()).isEqualTo(JsonParser.parseString(v.get("plaintext").getAsString()));
                assertThat(item.id()).isEqualTo(v.get("id").getAsString());
            }
        }
    }

    @Test
    void everyPythonV1Vector_decryptedView_isMessersShowDecryptView() {
        for (JsonObject v : vectors(PYTHON_V1)) {
            StoredItem stored = StoredItem.parse(bytes(v.get("stored_item").getAsString()), "vector");
            try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
                ItemDocument item = crypto(v).open(v.get("bag").getAsString(), v.get("id").getAsString(), stored, new FixedDataKeys(key));
                // Messer: item = json.loads(stored); pop encrypted_data; 'latest' -> 0; update(decrypted)
                JsonObject expected = JsonParser.parseString(v.get("stored_item").getAsString()).getAsJsonObject();
                expected.remove("encrypted_data");
                if (expected.get("key_version").getAsString().equals("latest")) {
                    expected.addProperty("key_version", 0);
                }
                JsonParser.parseString(v.get("plaintext").getAsString()).getAsJsonObject().entrySet()
                        .forEach(e -> expected.add(e.getKey(), e.getValue()));
                assertThat(DecryptedItem.messerView(stored, item.json())).as(v.get("name").getAsString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void pythonV1Vector_withOneFlippedCiphertextBit_failsIntegrity() {
        JsonObject v = vectors(PYTHON_V1).get(0);
        Envelope e = EnvelopeCodec.decode(v.get("envelope").getAsString());
        Envelope tampered = new Envelope(e.version(), e.nonce(), EnvelopeTest.flip(e.ciphertext(), 7), e.tag(),
                e.keyName(), e.keyVersion());
        try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
            assertThatThrownBy(() -> tampered.open(key, binding(v, e.keyVersion())))
                    .isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void committedJavaVectors_areWhatTheCodeWritesToday() {
        assertThat(JavaVectors.toText(JavaVectors.deterministic())).isEqualTo(resource(FROM_JAVA));
    }

    @Test
    void committedJavaVectors_includeBothVersionsAndOpenInJava() {
        List<String> versions = new ArrayList<>();
        for (JsonObject v : vectors(FROM_JAVA)) {
            StoredItem stored = StoredItem.parse(bytes(v.get("stored_item").getAsString()), "vector");
            versions.add(EnvelopeCodec.decode(stored.encryptedData()).version().wire());
            try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
                ItemDocument item = crypto(v).open(v.get("bag").getAsString(), v.get("id").getAsString(), stored, new FixedDataKeys(key));
                assertThat(item.json()).isEqualTo(JsonParser.parseString(v.get("plaintext").getAsString()));
            }
        }
        assertThat(versions).contains("1", "2");
    }

    @Test
    void committedJavaVectors_areVerifiedByPython_version2WithTheDocumentedAad() {
        String out = PythonReference.runOk("verify", PythonReference.script().resolveSibling("from-java.json").toString());
        assertThat(out).contains("verified 1 version 1 and 3 version 2 vectors");
    }

    @Test
    void freshlySealedItems_ofBothVersions_areVerifiedByPython(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("fresh.json");
        Files.writeString(file, JavaVectors.toText(JavaVectors.fresh()), StandardCharsets.UTF_8);
        assertThat(PythonReference.runOk("verify", file.toString()))
                .contains("verified 4 version 1 and 4 version 2 vectors");
    }

    @Test
    void pythonVerifier_rejectsAVersion2ItemPresentedAtAnotherPath(@TempDir Path dir) throws IOException {
        JsonObject doc = JavaVectors.deterministic();
        JsonObject first = doc.getAsJsonArray("vectors").get(0).getAsJsonObject();
        first.addProperty("bag", "another-bag");
        first.remove("aad");
        Path file = dir.resolve("moved.json");
        Files.writeString(file, JavaVectors.toText(doc), StandardCharsets.UTF_8);
        PythonReference.Result result = PythonReference.run("verify", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("does not decrypt");
    }

    @Test
    void pythonVerifier_rejectsADocumentedAadThatDiffersFromItsOwn(@TempDir Path dir) throws IOException {
        JsonObject doc = JavaVectors.deterministic();
        JsonObject first = doc.getAsJsonArray("vectors").get(0).getAsJsonObject();
        first.addProperty("aad", first.get("aad").getAsString() + "00");
        Path file = dir.resolve("aad.json");
        Files.writeString(file, JavaVectors.toText(doc), StandardCharsets.UTF_8);
        PythonReference.Result result = PythonReference.run("verify", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("associated data differs");
    }

    @Test
    void workedExample_envelopeJsonIsTheBase64DecodedEnvelope() {
        JsonObject v = vectors(FROM_JAVA).get(0);
        assertThat(v.get("name").getAsString()).isEqualTo("v2-worked-example");
        assertThat(new String(Base64.getDecoder().decode(v.get("envelope").getAsString()), StandardCharsets.UTF_8))
                .isEqualTo(v.get("envelope_json").getAsString());
        assertThat(v.get("aad").getAsString()).isEqualTo(HEX.formatHex(
                new ItemBinding("dev", "secrets", "payments", "db", "app", 3).toAssociatedData()));
    }

    private static ItemBinding binding(JsonObject v, int keyVersion) {
        return new ItemBinding(v.get("tier").getAsString(), v.get("folder").getAsString(), v.get("bag").getAsString(),
                v.get("id").getAsString(), v.get("key_name").getAsString(), keyVersion);
    }

    private static ItemCrypto crypto(JsonObject v) {
        return new ItemCrypto(new SecretsLayout(v.get("tier").getAsString(), v.get("folder").getAsString()), 1,
                EnvelopeVersion.V1, StoreNotices.NONE);
    }

    private static List<JsonObject> vectors(String resource) {
        List<JsonObject> out = new ArrayList<>();
        JsonParser.parseString(resource(resource)).getAsJsonObject().getAsJsonArray("vectors")
                .forEach(e -> out.add(e.getAsJsonObject()));
        assertThat(out).isNotEmpty();
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = KnownAnswerVectorsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

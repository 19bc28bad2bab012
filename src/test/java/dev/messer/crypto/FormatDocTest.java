package dev.messer.crypto;

import dev.messer.crypto.EnvelopeVersion;
import dev.messer.store.StoreNotices;
import dev.messer.output.DecryptedItem;
import dev.messer.keys.FixedDataKeys;
import dev.messer.keys.TestKeyRing;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.aws.KmsMasterKey;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.masterkey.MasterKey;
import dev.messer.store.MemoryBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;

/** The worked examples of docs/format.md are what the code writes and reads, byte for byte. */
class FormatDocTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String DOC = readDoc();

    @Test
    void workedExample_inFormatDoc_matchesTheCommittedVersion2Vector() {
        JsonObject v = vector("/vectors/from-java.json", "v2-worked-example");
        for (String field : new String[] {"key", "iv", "plaintext", "ciphertext", "tag", "envelope_json", "envelope"}) {
            assertThat(DOC).as(field).contains(v.get(field).getAsString());
        }
        assertThat(annotatedHex(between("AAD, 62 bytes", "AES-256-GCM output"))).isEqualTo(v.get("aad").getAsString());
        assertThat(v.get("aad").getAsString().length() / 2).isEqualTo(62);
    }

    @Test
    void keyContextExample_isTheContextKeyRingBindsAVersionOfATieredProfileTo_asMetadataAndLocalAad() {
        List<String> blocks = fences(between("### Worked example: the context of a key version", "## 5."));
        byte[] masterKey = labelledHex("master key");
        List<EncryptionContext> seen = new ArrayList<>();
        MemoryBlobStore keys = new MemoryBlobStore();
        try (LocalMasterKey local = new LocalMasterKey(DataKey.adopt(masterKey.clone()), "the documented master key")) {
            MasterKey recording = new MasterKey() {
                @Override
                public byte[] generateWrappedDataKey(EncryptionContext context) {
                    seen.add(context);
                    return local.generateWrappedDataKey(context);
                }

                @Override

                public byte[] wrap(DataKey key, EncryptionContext context) {

                    return local.wrap(key, context);

                }


                @Override
                public DataKey unwrap(byte[] wrapped, EncryptionContext context) {
                    return local.unwrap(wrapped, context);
                }

                @Override
                public String describe() {
                    return local.describe();
                }
            };
            TestKeyRing builder = TestKeyRing.on(keys, recording).context(EncryptionContext.parse("team=payments"))
                    .tier("dev", false);
            KeyRing ring = builder.build();
            builder.plant(new KeyRef("app", 3));

            EncryptionContext context = seen.get(0);
            assertThat(pairs(blocks.get(0))).isEqualTo(new ArrayList<>(context.asMap().entrySet()));
            Map<String, String> metadata = keys.get("app/3").orElseThrow().metadata();
            assertThat(metadata).containsExactly(Map.entry(KeyRing.CONTEXT_METADATA, blocks.get(1).strip()));
            byte[] aad = context.toAssociatedData();
            assertThat(annotatedHex(blocks.get(3))).isEqualTo(HEX.formatHex(aad));
            assertThat(DOC).contains("AAD of the wrapped key (section 5), " + aad.length + " bytes")
                    .contains("under the " + aad.length + "-byte AAD");

            byte[] nonce = labelledHex("nonce");
            byte[] dataKey = labelledHex("data key");
            byte[] wrapped = HEX.parseHex(fences(between("The key object `app/3`, 63 bytes", "## 6.")).get(0)
                    .replaceAll("\\s", ""));
            assertThat(wrapped).hasSize(63).startsWith(HEX.parseHex("4d4b01"));
            byte[] sealed = AesGcm.seal(masterKey, nonce, dataKey, aad);
            assertThat(HEX.formatHex(wrapped)).isEqualTo("4d4b01" + HEX.formatHex(nonce) + HEX.formatHex(sealed));
            keys.put("app/3", wrapped, metadata);
            try (DataKey unwrapped = ring.forReading(new KeyRef("app", 3))) {
                assertThat(unwrapped.material()).isEqualTo(dataKey);
            }
        }
    }

    @Test
    @SuppressWarnings("try") // the data key is only closed: the KMS calls made to unwrap it are what is checked
    void keyContextExample_isTheKmsEncryptionContext_andBothKmsCallsNameTheAlias() {
        String json = fences(between("the `EncryptionContext` of the KMS request", "On `local`, the AAD")).get(0).strip();
        Map<String, String> expected = new LinkedHashMap<>();
        JsonParser.parseString(json).getAsJsonObject().entrySet()
                .forEach(e -> expected.put(e.getKey(), e.getValue().getAsString()));
        RecordingKms kms = new RecordingKms();
        TestKeyRing builder = TestKeyRing.on(new MemoryBlobStore(), new KmsMasterKey(() -> kms, "acme-dev", "test"))
                .context(EncryptionContext.parse("team=payments")).tier("dev", true);
        KeyRing ring = builder.build();
        builder.plant(new KeyRef("app", 3));
        try (DataKey ignored = ring.forReading(new KeyRef("app", 3))) {
            assertThat(kms.generate.encryptionContext()).isEqualTo(expected);
            assertThat(kms.decrypt.encryptionContext()).isEqualTo(expected);
            assertThat(kms.generate.keyId()).isEqualTo("alias/acme-dev");
            assertThat(kms.decrypt.keyId()).isEqualTo("alias/acme-dev");
        }
        assertThat(DOC).contains("calls both with `KeyId` set to `alias/<master_key>`, `Decrypt` included");
    }

    @Test
    void decryptedViewOfTheWorkedExample_isWhatTheCodePrints() {
        JsonObject v = vector("/vectors/from-java.json", "v2-worked-example");
        String printed = fences(between("### What `show --decrypt` prints", "This is Messer's view")).get(0).strip();
        assertThat(printed).isEqualTo(view(v).toString()).isEqualTo(v.get("decrypted_view").getAsString());
    }

    @Test
    void decryptedViewsOfMessersItems_areWhatTheCodePrints_andMessersLinesHoldTheSameObject() {
        List<String> lines = fences(between("This is Messer's view", "### Checks when")).get(0).lines().toList();
        String[] vectors = {"latest-key-version", "string-key-version"};
        assertThat(lines).hasSize(2 * vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            JsonObject v = vector("/vectors/v1-from-python.json", vectors[i]);
            String ours = lines.get(2 * i);
            String messers = lines.get(2 * i + 1);
            assertThat(ours).startsWith("messer  ");
            assertThat(messers).startsWith("Messer  ");
            assertThat(ours.substring(8)).as(vectors[i]).isEqualTo(view(v).toString());
            // Messer: item = json.loads(stored); 'latest' -> 0; pop encrypted_data; update(decrypted); json.dumps
            JsonObject messer = JsonParser.parseString(v.get("stored_item").getAsString()).getAsJsonObject();
            if (messer.get("key_version").getAsString().equals("latest")) {
                messer.addProperty("key_version", 0);
            }
            messer.remove("encrypted_data");
            JsonParser.parseString(v.get("plaintext").getAsString()).getAsJsonObject().entrySet()
                    .forEach(e -> messer.add(e.getKey(), e.getValue()));
            JsonElement messersLine = JsonParser.parseString(messers.substring(8));
            assertThat(messersLine).as(vectors[i]).isEqualTo(messer).isEqualTo(view(v));
            assertThat(messers.substring(8)).isNotEqualTo(ours.substring(8));
        }
    }

    @Test
    void tierFieldExample_isHowTheAadEncodesANonAsciiTier() {
        byte[] aad = new ItemBinding("qa-\u00e9", "", "b", "i", "k", 0).toAssociatedData();
        String field = HEX.formatHex(aad, ItemBinding.LABEL.length, ItemBinding.LABEL.length + 9);
        assertThat(DOC).contains("Tier `qa-\u00e9` is the field `" + field.substring(0, 8) + " " + field.substring(8) + "`");
        assertThat(field).isEqualTo("0000000571612dc3a9");
    }

    /** Opens a vector's stored item at its path and returns what {@code show --decrypt} prints. */
    private static JsonObject view(JsonObject v) {
        StoredItem stored = StoredItem.parse(v.get("stored_item").getAsString().getBytes(StandardCharsets.UTF_8), "vector");
        ItemCrypto crypto = new ItemCrypto(new SecretsLayout(v.get("tier").getAsString(), v.get("folder").getAsString()),
                1, EnvelopeVersion.V1, StoreNotices.NONE);
        try (DataKey key = TestKeys.fromHex(v.get("key").getAsString())) {
            ItemDocument item = crypto.open(v.get("bag").getAsString(), v.get("id").getAsString(), stored,
                    new FixedDataKeys(key));
            return DecryptedItem.messerView(stored, item.json());
        }
    }

    /** The hex of lines {@code 0000000f 6d65...  label}: the hex parts joined, labels dropped. */
    private static String annotatedHex(String text) {
        return text.lines().filter(l -> l.matches("[0-9a-f]+( [0-9a-f]+)? +\\S+"))
                .map(l -> l.replaceAll("^([0-9a-f]+)( ([0-9a-f]+))? .*$", "$1$3"))
                .reduce("", String::concat);
    }

    /** The value of a line {@code label  hex} in section 5's worked example. */
    private static byte[] labelledHex(String label) {
        String example = between("Worked example: version 3 of key `app`", "## 6.");
        return HEX.parseHex(example.lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow()
                .substring(label.length()).strip());
    }

    private static List<Map.Entry<String, String>> pairs(String block) {
        return block.lines().filter(l -> !l.isBlank()).map(l -> l.strip().split(" +", 2))
                .map(p -> Map.entry(p[0], p[1])).toList();
    }

    private static String between(String start, String end) {
        int from = DOC.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = DOC.indexOf(end, from);
        assertThat(to).as(end).isPositive();
        return DOC.substring(from, to);
    }

    /** The contents of the fenced code blocks in {@code text}, in order. */
    private static List<String> fences(String text) {
        List<String> blocks = new ArrayList<>();
        String[] parts = text.split("(?m)^```[a-z]*$", -1);
        for (int i = 1; i + 1 < parts.length; i += 2) {
            blocks.add(parts[i].strip() + "\n");
        }
        return blocks;
    }

    private static JsonObject vector(String resource, String name) {
        try (InputStream in = FormatDocTest.class.getResourceAsStream(resource)) {
            for (JsonElement e : JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("vectors")) {
                if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
                    return e.getAsJsonObject();
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no vector " + name + " in " + resource);
    }

    private static String readDoc() {
        try {
            return Files.readString(Path.of("docs/format.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** KMS as far as {@link KmsMasterKey} uses it, keeping the last request of each kind. */
    private static final class RecordingKms implements KmsClient {
        GenerateDataKeyWithoutPlaintextRequest generate;
        DecryptRequest decrypt;

        @Override
        public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(
                GenerateDataKeyWithoutPlaintextRequest request) {
            generate = request;
            return GenerateDataKeyWithoutPlaintextResponse.builder()
                    .ciphertextBlob(SdkBytes.fromByteArray(new byte[] {1, 2, 3})).build();
        }

        @Override
        public DecryptResponse decrypt(DecryptRequest request) {
            decrypt = request;
            return DecryptResponse.builder().plaintext(SdkBytes.fromByteArray(new byte[DataKey.LENGTH])).build();
        }

        @Override
        public String serviceName() {
            return "kms";
        }

        @Override
        public void close() {
        }
    }
}

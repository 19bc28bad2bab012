package dev.messer.crypto;

import dev.messer.store.StoreNotices;
import dev.messer.keys.FixedDataKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.app.Session;
import dev.messer.app.TestSessions;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.local.LocalMasterKey;
import dev.messer.local.LocalMasterKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reading rules docs/format.md states beyond its worked examples: how {@code key_version} is
 * spelt and compared, how lenient base64 is, which nonces are read, and that tiers and passphrases
 * are UTF-8 without normalisation.
 */
class FormatRulesTest {

    private static final ItemDocument ITEM = ItemDocument.parse(
            "{\"id\":\"db\",\"password\":\"s3cret\"}".getBytes(StandardCharsets.UTF_8), "test item");
    private static final SecretsLayout LAYOUT = new SecretsLayout("dev", "secrets");

    @TempDir
    Path temp;

    @Test
    void keyVersion_isANumberOrAStringHoldingOne_orLatest_andNothingElse() throws Exception {
        for (String spelling : new String[] {"3", "\"3\"", "\" 3\"", "\"03\"", "\"+3\""}) {
            assertThat(KeyVersionField.parse(JsonParser.parseString(spelling), "test")).as(spelling).isEqualTo(3);
        }
        assertThat(KeyVersionField.parse(JsonParser.parseString("\"latest\""), "test")).isZero();
        assertThat(KeyVersionField.parse(JsonParser.parseString("2147483646"), "test")).isEqualTo(Integer.MAX_VALUE - 1);
        for (String refused : new String[] {"-1", "\"-3\"", "3.5", "3e0", "2147483647", "2147483648", "true", "null", "\"three\"",
                "\"Latest\""}) {
            assertThatThrownBy(() -> KeyVersionField.parse(JsonParser.parseString(refused), "test")).as(refused)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(Files.readString(Path.of("docs/format.md")))
                .contains("(`\" 3\"`, `\"03\"` and `\"+3\"` are 3");
    }

    @Test
    void envelopeAndStoredKeyVersions_matchAsNumbers_inBothVersions() {
        String[] spellings = {"3", "\"3\"", "\"03\""};
        for (EnvelopeVersion version : EnvelopeVersion.values()) {
            try (DataKey key = TestKeys.dataKey("rules")) {
                Envelope sealed = seal(version, key, "app", 3);
                for (String stored : spellings) {
                    for (String inEnvelope : spellings) {
                        StoredItem item = stored(sealed, "app", stored, inEnvelope);
                        assertThat(open(item, key).json()).as(version + " " + stored + "/" + inEnvelope)
                                .isEqualTo(ITEM.json());
                    }
                }
                assertThatThrownBy(() -> open(stored(sealed, "app", "3", "4"), key))
                        .isInstanceOf(IntegrityException.class).hasMessageContaining("relabelled");
                assertThatThrownBy(() -> open(stored(sealed, "App", "3", "3"), key))
                        .isInstanceOf(IntegrityException.class).hasMessageContaining("relabelled");
            }
        }
    }

    @Test
    void anItemStoredWithLatest_isVersionZero_andMatchesAnEnvelopeHoldingLatestOrZero() {
        for (EnvelopeVersion version : EnvelopeVersion.values()) {
            try (DataKey key = TestKeys.dataKey("latest")) {
                Envelope sealed = seal(version, key, "ops", 0);
                for (String inEnvelope : new String[] {"\"latest\"", "0", "\"0\""}) {
                    StoredItem item = stored(sealed, "ops", "\"latest\"", inEnvelope);
                    assertThat(item.keyRef()).isEqualTo(new KeyRef("ops", 0));
                    assertThat(open(item, key).json()).as(version + " " + inEnvelope).isEqualTo(ITEM.json());
                }
                assertThatThrownBy(() -> open(stored(sealed, "ops", "\"latest\"", "1"), key))
                        .isInstanceOf(IntegrityException.class);
            }
        }
    }

    @Test
    void outerBase64_skipsEveryCharacterOutsideTheAlphabet_paddingIsOptional_andUnusedBitsAreNotChecked() {
        try (DataKey key = TestKeys.dataKey("base64")) {
            // key name "apps" makes the envelope JSON 1 more than a multiple of 3 bytes long: two '=' of padding
            String encoded = stored(seal(EnvelopeVersion.V2, key, "apps", 3), "apps", "3", "3").encryptedData();
            assertThat(encoded).as("the last character has unused bits").endsWith("==");
            String body = encoded.substring(0, encoded.length() - 2);
            String[] variants = {
                String.join("\n", encoded.split("(?<=\\G.{76})")),
                " " + encoded + "\r\n",
                encoded.substring(0, 10) + "!-_\u00e9 " + encoded.substring(10),
                body,
                withOtherUnusedBits(body) + "==",
                encoded + "!!\n",
            };
            for (String variant : variants) {
                StoredItem item = new StoredItem("db", variant, "apps", 3);
                assertThat(open(item, key).json()).as(variant).isEqualTo(ITEM.json());
            }
            assertThatThrownBy(() -> EnvelopeCodec.decode(encoded + "QUJD")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void innerBase64_refusesWhitespace_butNotMissingPaddingOrUnusedBits() {
        try (DataKey key = TestKeys.dataKey("inner")) {
            Envelope sealed = seal(EnvelopeVersion.V2, key, "app", 3);
            JsonObject json = envelopeJson(EnvelopeCodec.encode(sealed));
            String tag = json.get("tag").getAsString();
            assertThat(tag).endsWith("==");
            String unpadded = tag.substring(0, tag.length() - 2);
            for (String variant : new String[] {unpadded, withOtherUnusedBits(unpadded) + "=="}) {
                json.addProperty("tag", variant);
                assertThat(open(new StoredItem("db", encode(json), "app", 3), key).json()).as(variant)
                        .isEqualTo(ITEM.json());
            }
            json.addProperty("tag", tag);
            String iv = json.get("iv").getAsString();
            for (String spaced : new String[] {iv.substring(0, 4) + " " + iv.substring(4), iv + "\n"}) {
                json.addProperty("iv", spaced);
                String refused = encode(json);
                assertThatThrownBy(() -> EnvelopeCodec.decode(refused)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("'iv' is not base64");
            }
        }
    }

    @Test
    void version1_readsANonceOfAnyLengthFromOneByte_version2_onlyTwelve_andTheTagIsSixteenBytes() {
        try (DataKey key = TestKeys.dataKey("nonces")) {
            for (int length : new int[] {1, 7, 8, 12, 16, 32, 64, 200}) {
                assertThat(open(new StoredItem("db", EnvelopeCodec.encode(sealWithNonce(EnvelopeVersion.V1, key,
                        length, 16)), "app", 3), key).json()).as("v1, %d bytes", length).isEqualTo(ITEM.json());
            }
            assertThatThrownBy(() -> open(new StoredItem("db", EnvelopeCodec.encode(
                    sealWithNonce(EnvelopeVersion.V1, key, 0, 16)), "app", 3), key))
                    .isInstanceOf(IntegrityException.class);
            assertThat(open(new StoredItem("db", EnvelopeCodec.encode(sealWithNonce(EnvelopeVersion.V2, key, 12, 16)),
                    "app", 3), key).json()).isEqualTo(ITEM.json());
            for (int length : new int[] {8, 16, 32}) {
                assertThatThrownBy(() -> open(new StoredItem("db", EnvelopeCodec.encode(
                        sealWithNonce(EnvelopeVersion.V2, key, length, 16)), "app", 3), key)).as("v2, %d bytes", length)
                        .isInstanceOf(IntegrityException.class).hasMessageContaining("12-byte nonce");
            }
            for (EnvelopeVersion version : EnvelopeVersion.values()) {
                assertThatThrownBy(() -> open(new StoredItem("db", EnvelopeCodec.encode(
                        sealWithNonce(version, key, version.nonceBytes(), 12)), "app", 3), key))
                        .isInstanceOf(IntegrityException.class).hasMessageContaining("16 bytes");
            }
        }
    }

    @Test
    void tierAndFolder_areUtf8WithoutNormalisation_minusSurroundingSlashesAndWhitespace() {
        String composed = "qa-\u00e9";
        String decomposed = "qa-e\u0301";
        SecretsLayout layout = new SecretsLayout(" /" + composed + "/ ", "/team/secrets/");
        assertThat(layout.tier()).isEqualTo(composed);
        assertThat(layout.folder()).isEqualTo("team/secrets");
        assertThat(layout.itemKey("b", "db")).isEqualTo(composed + "/team/secrets/b/db");
        try (DataKey key = TestKeys.dataKey("tiers")) {
            StoredItem item = crypto(layout).seal("b", ITEM, new KeyRef("app", 3), key);
            assertThat(crypto(layout).open("b", "db", item, new FixedDataKeys(key)).json()).isEqualTo(ITEM.json());
            assertThatThrownBy(() -> crypto(new SecretsLayout(decomposed, "team/secrets")).open("b", "db", item,
                    new FixedDataKeys(key))).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void passphrase_isItsUtf8Characters_whole_withoutNormalisation() {
        Path file = LocalMasterKeyFile.pathFor(temp, "protected");
        String composed = "p\u00e4sswort-lang-genug";
        LocalMasterKeyFile.createProtected(file, composed.toCharArray());
        try (LocalMasterKey opened = LocalMasterKeyFile.open(file, f -> composed.toCharArray())) {
            assertThat(opened.describe()).isNotEmpty();
        }
        for (String other : new String[] {"pa\u0308sswort-lang-genug", composed + " ", composed + "\n"}) {
            assertThatThrownBy(() -> LocalMasterKeyFile.open(file, f -> other.toCharArray())).as(other)
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void localProfiles_addTheTierAsConfigured_andDoNotCompareIt_soTiersShareAKeysFolder() {
        LocalMasterKeyFile.create(LocalMasterKeyFile.pathFor(temp, "default"));
        try (Session<?> dev = TestSessions.open(local("dev/"));
             Session<?> prod = TestSessions.open(local("prod"))) {
            dev.keyRing().create("app");
            String stored = dev.backend().keys().get("app/0").orElseThrow().metadata().get(KeyRing.CONTEXT_METADATA);
            assertThat(EncryptionContext.fromMetadataValue(stored).asMap()).containsEntry("messer:tier", "dev/");
            try (DataKey shared = prod.dataKeys().forReading(new KeyRef("app", 0))) {
                assertThat(shared.isDestroyed()).isFalse();
            }
        }
    }

    private Settings local(String tier) {
        return Settings.of(Provider.LOCAL, Map.of(Setting.MASTER_KEY, "default", Setting.SECRETS_BUCKET, "secrets",
                Setting.KEYS_BUCKET, "keys", Setting.TIER, tier, Setting.LOCAL_ROOT, temp.toString()));
    }

    private static Envelope seal(EnvelopeVersion version, DataKey key, String keyName, int keyVersion) {
        return Envelope.seal(version, key, ITEM.toPlaintext(), binding(keyName, keyVersion),
                TestKeys.fixedBytes("nonce/rules", version.nonceBytes()));
    }

    /** An envelope for item {@code db} at key app v3 with a nonce and tag of any length (tag cut short). */
    private static Envelope sealWithNonce(EnvelopeVersion version, DataKey key, int nonceLength, int tagLength) {
        byte[] nonce = TestKeys.fixedBytes("nonce/" + nonceLength, nonceLength);
        byte[] aad = version == EnvelopeVersion.V2 ? binding("app", 3).toAssociatedData() : null;
        byte[] sealed = nonceLength == 0 ? new byte[ITEM.toPlaintext().length + AesGcm.TAG_BYTES]
                : AesGcm.seal(key, nonce, ITEM.toPlaintext(), aad);
        int split = sealed.length - AesGcm.TAG_BYTES;
        return new Envelope(version, nonce, Arrays.copyOf(sealed, split),
                Arrays.copyOfRange(sealed, split, split + tagLength), "app", 3);
    }

    private static ItemBinding binding(String keyName, int keyVersion) {
        return new ItemBinding(LAYOUT.tier(), LAYOUT.folder(), "payments", "db", keyName, keyVersion);
    }

    /** A stored item whose {@code key_version} and envelope's {@code key_version} are spelt as given (JSON). */
    private static StoredItem stored(Envelope envelope, String storedKeyName, String storedVersion, String envelopeVersion) {
        JsonObject json = envelopeJson(EnvelopeCodec.encode(envelope));
        json.add("key_version", JsonParser.parseString(envelopeVersion));
        JsonObject item = new JsonObject();
        item.addProperty("id", "db");
        item.addProperty("encrypted_data", encode(json));
        item.addProperty("key_name", storedKeyName);
        item.add("key_version", JsonParser.parseString(storedVersion));
        return StoredItem.parse(item.toString().getBytes(StandardCharsets.UTF_8), "test");
    }

    private static ItemDocument open(StoredItem item, DataKey key) {
        return crypto(LAYOUT).open("payments", "db", item, new FixedDataKeys(key));
    }

    /** Writes version 2 envelopes and opens every format. */
    private static ItemCrypto crypto(SecretsLayout layout) {
        return new ItemCrypto(layout, 1, EnvelopeVersion.V2, StoreNotices.NONE);
    }

    /** Flips the lowest bit of the last character, which padded base64 leaves unused. */
    private static String withOtherUnusedBits(String unpadded) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = alphabet.indexOf(unpadded.charAt(unpadded.length() - 1));
        return unpadded.substring(0, unpadded.length() - 1) + alphabet.charAt(last ^ 1);
    }

    private static JsonObject envelopeJson(String encoded) {
        JsonElement json = JsonParser.parseString(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        return json.getAsJsonObject();
    }

    private static String encode(JsonObject json) {
        return Base64.getEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}

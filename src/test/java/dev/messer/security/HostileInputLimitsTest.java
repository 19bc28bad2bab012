package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.databag.StrictJson;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.FixedDataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.store.StoreNotices;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The limits on untrusted input, each refused with a message that names the source and the limit. */
class HostileInputLimitsTest {

    @TempDir
    Path temp;

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void itemOfExactlyTheSizeLimit_isAccepted() {
        String head = "{\"id\":\"db\",\"pad\":\"";
        String tail = "\"}";
        String item = head + "x".repeat(ItemDocument.MAX_BYTES - head.length() - tail.length()) + tail;
        assertThat(utf8(item)).hasSize(ItemDocument.MAX_BYTES);
        assertThat(ItemDocument.parse(utf8(item), "item file db.json").id()).isEqualTo("db");
    }

    @Test
    void itemLargerThanTheSizeLimit_isRefusedNamingTheLimit() {
        byte[] big = new byte[ItemDocument.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        assertThatThrownBy(() -> ItemDocument.parse(big, "item file big.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("item file big.json is " + big.length + " bytes; items are limited to "
                        + ItemDocument.MAX_BYTES + " bytes");
    }

    @Test
    void itemFileLargerThanTheLimit_isRefusedByTheCliBeforeReadingItAll() {
        CliSandbox sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local");
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("data", "bag", "create", "local", "bag");
        byte[] big = new byte[3 * ItemDocument.MAX_BYTES];
        Arrays.fill(big, (byte) ' ');
        Path file = sandbox.writeFile("big.json", big);
        CliRun result = sandbox.run("data", "bag", "from", "file", "local", "bag", file.toString(), "--secret-file", "app");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("messer: item file " + file + " is larger than " + ItemDocument.MAX_BYTES
                + " bytes; items are limited to that size\n");
    }

    @Test
    void nestingAtTheDepthLimit_isAccepted() {
        String item = "{\"id\":\"db\",\"n\":" + "[".repeat(StrictJson.MAX_DEPTH - 1) + "1"
                + "]".repeat(StrictJson.MAX_DEPTH - 1) + "}";
        assertThat(ItemDocument.parse(utf8(item), "item file db.json").id()).isEqualTo("db");
    }

    @Test
    void nestingBeyondTheDepthLimit_isRefusedNamingTheLimit() {
        String item = "{\"id\":\"db\",\"n\":" + "[".repeat(StrictJson.MAX_DEPTH) + "1"
                + "]".repeat(StrictJson.MAX_DEPTH) + "}";
        assertThatThrownBy(() -> ItemDocument.parse(utf8(item), "item file db.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("item file db.json nests JSON deeper than " + StrictJson.MAX_DEPTH + " levels");
    }

    @Test
    void nestingOfAHundredThousandLevels_isRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> ItemDocument.parse(utf8(deep), "standard input"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("deeper than");
        assertThatThrownBy(() -> StoredItem.parse(utf8(deep), "item bag/db"))
                .isInstanceOf(InvalidInputException.class).hasMessage("item bag/db is not a stored data bag item (not JSON)");
        assertThatThrownBy(() -> EnvelopeCodec.decode(Base64.getEncoder().encodeToString(utf8(deep))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid envelope");
    }

    @Test
    void duplicateKey_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> ItemDocument.parse(utf8("{\"id\":\"db\",\"pw\":\"a\",\"pw\":\"b\"}"), "item file db.json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("item file db.json has the key 'pw' twice; each key may appear once");
    }

    @Test
    void duplicateKeyInANestedObject_isRefused() {
        assertThatThrownBy(() -> ItemDocument.parse(utf8("{\"id\":\"db\",\"n\":{\"k\":1,\"k\":2}}"), "item file db.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has the key 'k' twice");
    }

    @Test
    void duplicateIdKey_isRefused() {
        assertThatThrownBy(() -> ItemDocument.parse(utf8("{\"id\":\"db\",\"id\":\"other\"}"), "item file db.json"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has the key 'id' twice");
    }

    @Test
    void invalidUtf8_isRefusedInEveryForm() {
        byte[][] broken = {
                {(byte) 0xC0, (byte) 0xAF},                          // overlong '/'
                {(byte) 0x80},                                       // lone continuation byte
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},             // encoded surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                {(byte) 0xE2, (byte) 0x82},                          // truncated sequence
                {(byte) 0xFF}};
        for (byte[] bad : broken) {
            ByteArrayOutputStream item = new ByteArrayOutputStream();
            item.writeBytes(utf8("{\"id\":\"db\",\"pw\":\""));
            item.writeBytes(bad);
            item.writeBytes(utf8("\"}"));
            assertThatThrownBy(() -> ItemDocument.parse(item.toByteArray(), "item file db.json"))
                    .isInstanceOf(InvalidInputException.class).hasMessage("item file db.json is not valid UTF-8");
            assertThatThrownBy(() -> StoredItem.parse(item.toByteArray(), "item bag/db"))
                    .isInstanceOf(InvalidInputException.class).hasMessage("item bag/db is not valid UTF-8");
        }
    }

    @Test
    void storedItemWhoseIdDisagreesWithItsPath_failsIntegrity() {
        SecretsLayout layout = new SecretsLayout("dev", "");
        try (DataKey key = DataKey.random()) {
            for (EnvelopeVersion version : EnvelopeVersion.values()) {
                ItemCrypto crypto = new ItemCrypto(layout, 1, version, StoreNotices.NONE);
                StoredItem stored = crypto.seal("bag", ItemDocument.parse(utf8("{\"id\":\"other\"}"), "x"),
                        new KeyRef("app", 0), key);
                assertThatThrownBy(() -> crypto.open("bag", "db", stored, new FixedDataKeys(key)))
                        .isInstanceOf(IntegrityException.class)
                        .hasMessage("item bag/db (dev/bag/db) holds an item whose id is 'other': the stored object "
                                + "was moved or renamed");
            }
        }
    }

    @Test
    void storedItemWithoutEncryptedData_isRefusedSayingOnlyEncryptedItemsAreRead() {
        assertThatThrownBy(() -> StoredItem.parse(utf8("{\"id\":\"db\",\"password\":\"plain\"}"), "item bag/db"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not encrypted (no encrypted_data field)");
    }

    @Test
    void envelopeOfAnUnknownVersion_isRefusedNamingTheVersion() {
        String inner = "{\"iv\":\"AAAA\",\"encrypted_secret\":\"AAAA\",\"tag\":\"AAAA\",\"key_name\":\"app\","
                + "\"key_version\":0,\"version\":\"3\"}";
        assertThatThrownBy(() -> EnvelopeCodec.decode(Base64.getEncoder().encodeToString(utf8(inner))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown envelope version '3' (this tool reads 1 and 2)");
    }
}

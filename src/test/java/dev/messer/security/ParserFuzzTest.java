package dev.messer.security;

import dev.messer.store.StoreNotices;
import dev.messer.keys.FixedDataKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.databag.ItemCrypto;
import dev.messer.databag.ItemDocument;
import dev.messer.databag.SecretsLayout;
import dev.messer.databag.StoredItem;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Feeds hostile bytes to every parser of untrusted input: the stored-item parser, the envelope
 * decoder, the item-file reader, and the whole path from a stored object to plaintext. Each may
 * accept the input or refuse it with {@link InvalidInputException} or {@link IntegrityException};
 * any other exception, or an error such as {@link StackOverflowError}, fails the test with the seed
 * that reproduces it. {@link HostileBytes#TRIES} inputs per parser by default; more with
 * {@code -Dmesser.fuzz.tries=N} (docs/security.md).
 */
class ParserFuzzTest {

    private static final SecretsLayout LAYOUT = new SecretsLayout("dev", "secrets");
    private static final ItemCrypto CRYPTO = new ItemCrypto(LAYOUT, 1, EnvelopeVersion.V2, StoreNotices.NONE);
    private static final long SEED_OFFSET = 7919;

    private final DataKey key = DataKey.random();

    private List<byte[]> storedItemSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (EnvelopeVersion version : EnvelopeVersion.values()) {
            ItemDocument document = ItemDocument.parse(("{\"id\":\"db\",\"password\":\"pw\",\"n\":[1,2,{\"x\":null}]}")
                    .getBytes(StandardCharsets.UTF_8), "seed");
            seeds.add(new ItemCrypto(LAYOUT, 1, version, StoreNotices.NONE).seal("bag", document, new KeyRef("app", 3), key)
                    .toBytes());
        }
        seeds.add("{\"id\":\"db\",\"encrypted_data\":\"e30=\",\"key_name\":\"app\",\"key_version\":\"latest\"}"
                .getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    private List<byte[]> envelopeSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] stored : storedItemSeeds()) {
            String encoded = JsonParser.parseString(new String(stored, StandardCharsets.UTF_8)).getAsJsonObject()
                    .get("encrypted_data").getAsString();
            seeds.add(encoded.getBytes(StandardCharsets.US_ASCII));
            seeds.add(Base64.getDecoder().decode(encoded));
        }
        return seeds;
    }

    private static List<byte[]> itemSeeds() {
        return List.of(
                "{\"id\":\"db\",\"password\":\"pw\"}".getBytes(StandardCharsets.UTF_8),
                "\uFEFF{\"id\":\"a.b-c_d\",\"n\":{\"deep\":[1,2.5e3,-0,true,null,\"\\u00e9\"]}}".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"x\",\"k\":\"v\",\"k2\":{\"k\":\"v\"}}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void storedItemParser_refusesHostileBytesOnlyWithCleanErrors() {
        fuzz("StoredItem.parse", storedItemSeeds(), input -> StoredItem.parse(input, "item bag/db"));
    }

    @Test
    void envelopeDecoder_refusesHostileTextOnlyWithCleanErrors() {
        List<byte[]> seeds = envelopeSeeds();
        fuzz("EnvelopeCodec.decode", seeds, input -> {
            EnvelopeCodec.decode(new String(input, StandardCharsets.ISO_8859_1));
            EnvelopeCodec.decode(Base64.getEncoder().encodeToString(input));
        });
    }

    @Test
    void itemFileReader_refusesHostileBytesOnlyWithCleanErrors() {
        fuzz("ItemDocument.parse", itemSeeds(), input -> ItemDocument.parse(input, "item file fuzz.json"));
    }

    @Test
    void storedObjectToPlaintext_refusesHostileBytesOnlyWithCleanErrors() {
        fuzz("StoredItem.parse + ItemCrypto.open", storedItemSeeds(), input -> {
            StoredItem stored = StoredItem.parse(input, "item bag/db");
            CRYPTO.open("bag", "db", stored, new FixedDataKeys(key));
        });
    }

    /** The envelope's inner JSON mutated field by field, re-encoded as base64, then opened. */
    @Test
    void mutatedEnvelopeFields_areRefusedOnlyWithCleanErrors() {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] stored : storedItemSeeds().subList(0, 2)) {
            seeds.add(stored);
        }
        HostileBytes hostile = new HostileBytes(SEED_OFFSET + HostileBytes.SEED);
        String[] fields = {"iv", "encrypted_secret", "tag", "key_name", "key_version", "version"};
        for (int i = 0; i < HostileBytes.TRIES; i++) {
            JsonObject storedJson = JsonParser.parseString(new String(seeds.get(i % 2), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonObject inner = JsonParser.parseString(new String(Base64.getDecoder().decode(
                    storedJson.get("encrypted_data").getAsString()), StandardCharsets.UTF_8)).getAsJsonObject();
            String field = fields[hostile.nextInt(fields.length)];
            if (hostile.nextInt(5) == 0) {
                inner.remove(field);
            } else {
                inner.add(field, JsonParser.parseString(hostile.randomJson()));
            }
            storedJson.addProperty("encrypted_data", Base64.getEncoder().encodeToString(
                    inner.toString().getBytes(StandardCharsets.UTF_8)));
            byte[] input = storedJson.toString().getBytes(StandardCharsets.UTF_8);
            check("envelope field " + field, i, input, bytes -> CRYPTO.open("bag", "db",
                    StoredItem.parse(bytes, "item bag/db"), new FixedDataKeys(key)));
        }
    }

    private static void fuzz(String target, List<byte[]> seeds, Consumer<byte[]> parse) {
        HostileBytes hostile = new HostileBytes(HostileBytes.SEED + target.hashCode());
        for (byte[] seed : seeds) {
            check(target, -1, seed, parse);
        }
        for (int i = 0; i < HostileBytes.TRIES; i++) {
            check(target, i, hostile.next(seeds), parse);
        }
    }

    private static void check(String target, int trial, byte[] input, Consumer<byte[]> parse) {
        try {
            parse.accept(input);
        } catch (InvalidInputException | IntegrityException expected) {
            assertThat(expected.getMessage()).as("message of a refused input").isNotBlank().doesNotContain("\n");
        } catch (Throwable other) {
            fail(target + " let " + other + " escape on trial " + trial + " (seed " + HostileBytes.SEED
                    + ") for input " + Base64.getEncoder().encodeToString(input), other);
        }
    }
}

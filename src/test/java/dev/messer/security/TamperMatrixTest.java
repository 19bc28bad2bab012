package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import dev.messer.crypto.Envelope;
import dev.messer.local.LocalMasterKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alters what the local provider stored, the way someone with write access to the buckets could, and
 * checks through the CLI that {@code show --decrypt} refuses: one line on stderr naming the item or
 * key, exit status 1, nothing on stdout, and (with --debug) an {@code IntegrityException}. Runs for
 * both envelope versions: item_format 1 (Messer 2.0.13, no associated data) and 2 (bound). The few
 * moves version 1 cannot notice are tested for what they do, and listed in docs/security.md.
 */
class TamperMatrixTest {

    private static final String BAG = "bag";
    private static final String SECRET = "s3cr3t-value";

    @TempDir
    Path temp;

    private CliSandbox sandbox;

    private void setUp(int itemFormat) {
        sandbox = new CliSandbox(temp);
        sandbox.ok("configure", "local");
        sandbox.ok("configure", "local", "--item-format", String.valueOf(itemFormat));
        sandbox.ok("encryption", "create", "local", "app");
        sandbox.ok("encryption", "increment", "local", "app");
        sandbox.ok("encryption", "create", "local", "other");
        sandbox.ok("data", "bag", "create", "local", BAG);
        sandbox.ok("data", "bag", "create", "local", "bag2");
        upload(BAG, "a");
        upload(BAG, "b");
        assertThat(show(BAG, "a").out()).contains(SECRET + "-a");
    }

    private void upload(String bag, String id) {
        Path file = sandbox.writeFile(id + ".json", "{\"id\":\"" + id + "\",\"password\":\"" + SECRET + "-" + id + "\"}");
        sandbox.ok("data", "bag", "from", "file", "local", bag, file.toString(), "--secret-file", "app");
    }

    private CliRun show(String bag, String id, String... extra) {
        String[] args = {"data", "bag", "show", "local", bag, id, "--decrypt"};
        String[] all = Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return sandbox.run(all);
    }

    private Path item(String id) {
        return sandbox.storedItem(BAG, id);
    }

    private Path keyObject(String name, int version) {
        return sandbox.keysBucket().resolve(name).resolve(String.valueOf(version));
    }

    private Path keyMetadata(String name, int version) {
        return sandbox.keysBucket().resolve(name).resolve(version + "#meta");
    }

    /** The refusal every tamper case must produce; {@code names} must appear in the one line. */
    private void assertRefused(String bag, String id, String names) {
        CliRun plain = show(bag, id);
        assertThat(plain.exit()).as(plain.err()).isEqualTo(1);
        assertThat(plain.out()).isEmpty();
        assertThat(plain.errLines()).as(plain.err()).hasSize(1);
        assertThat(plain.err()).startsWith("messer: ").contains(names).doesNotContain(SECRET);
        CliRun debug = show(bag, id, "--debug");
        assertThat(debug.exit()).isEqualTo(1);
        assertThat(debug.out()).isEmpty();
        assertThat(debug.err()).contains("dev.messer.error.IntegrityException").doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void flippedNonceBit_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withNonce(e, StoredObjects.flipBit(e.nonce(), 5)));
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void flippedCiphertextBit_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withCiphertext(e,
                StoredObjects.flipBit(e.ciphertext(), 7)));
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void flippedTagBit_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withTag(e, StoredObjects.flipBit(e.tag(), 15)));
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void truncatedCiphertext_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withCiphertext(e,
                Arrays.copyOf(e.ciphertext(), e.ciphertext().length - 1)));
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void truncatedTag_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withTag(e, Arrays.copyOf(e.tag(), 8)));
        assertRefused(BAG, "a", "item bag/a");
    }

    /** A stored object cut short is no longer JSON: refused as a damaged object (not a decryption failure). */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void truncatedStoredObject_isRefusedAsDamaged(int itemFormat) {
        setUp(itemFormat);
        byte[] content = StoredObjects.read(item("a"));
        StoredObjects.write(item("a"), Arrays.copyOf(content, content.length / 2));
        CliRun result = show(BAG, "a", "--debug");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("messer: item bag/a (dev/bag/a) is not a stored data bag item")
                .contains("dev.messer.error.InvalidInputException");
        assertThat(show(BAG, "a").errLines()).hasSize(1);
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void swappedStoredObjects_failIntegrity(int itemFormat) {
        setUp(itemFormat);
        byte[] a = StoredObjects.read(item("a"));
        StoredObjects.write(item("a"), StoredObjects.read(item("b")));
        StoredObjects.write(item("b"), a);
        assertRefused(BAG, "a", "item bag/a");
        assertRefused(BAG, "b", "item bag/b");
    }

    /** The swap also rewrites the outer id to match the path: version 2 fails on the AAD, version 1 on the id inside the plaintext. */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void swappedStoredObjectsWithOuterIdRewritten_failIntegrity(int itemFormat) {
        setUp(itemFormat);
        JsonObject b = StoredObjects.readJson(item("b"));
        b.addProperty("id", "a");
        StoredObjects.writeJson(item("a"), b);
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {2})
    void copiedToAnotherBag_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.copy(item("a"), sandbox.storedItem("bag2", "a"));
        assertRefused("bag2", "a", "item bag2/a");
    }

    /** Version 1 has no associated data: a copy to another bag under the same id decrypts. This is the limit of Messer's format. */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1})
    void copiedToAnotherBag_version1_isNotDetected(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.copy(item("a"), sandbox.storedItem("bag2", "a"));
        CliRun result = show("bag2", "a");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains(SECRET + "-a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {2})
    void copiedToAnotherTier_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        copyToProdTier(itemFormat);
        CliRun result = sandbox.run("data", "bag", "show", "local", BAG, "a", "--decrypt", "--profile", "prod");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).startsWith("messer: item bag/a (prod/bag/a) failed its integrity check");
    }

    /** Version 1 has no associated data: a copy to another tier decrypts there (documented limit). */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1})
    void copiedToAnotherTier_version1_isNotDetected(int itemFormat) {
        setUp(itemFormat);
        copyToProdTier(itemFormat);
        CliRun result = sandbox.run("data", "bag", "show", "local", BAG, "a", "--decrypt", "--profile", "prod");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains(SECRET + "-a");
    }

    private void copyToProdTier(int itemFormat) {
        sandbox.ok("configure", "local", "--profile", "prod", "-e", "prod", "--item-format", String.valueOf(itemFormat));
        sandbox.ok("data", "bag", "create", "local", BAG, "--profile", "prod");
        StoredObjects.copy(item("a"), sandbox.secretsBucket().resolve("prod").resolve(BAG).resolve("a"));
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void relabelledKeyName_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        JsonObject json = StoredObjects.readJson(item("a"));
        json.addProperty("key_name", "other");
        json.addProperty("key_version", 0);
        StoredObjects.writeJson(item("a"), json);
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void relabelledKeyVersion_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        JsonObject json = StoredObjects.readJson(item("a"));
        json.addProperty("key_version", 0);
        StoredObjects.writeJson(item("a"), json);
        assertRefused(BAG, "a", "item bag/a");
    }

    /** Outer and envelope labels both changed consistently: the other key's bytes cannot open the ciphertext. */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void relabelledKeyVersionInsideAndOutside_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withKey(e, "app", 0));
        JsonObject json = StoredObjects.readJson(item("a"));
        json.addProperty("key_version", 0);
        StoredObjects.writeJson(item("a"), json);
        assertRefused(BAG, "a", "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void wrongMasterKey_failsIntegrity(int itemFormat) throws IOException {
        setUp(itemFormat);
        Path other = temp.resolve("elsewhere").resolve("other.key");
        LocalMasterKeyFile.create(other);
        Files.write(sandbox.masterKeyFile("default"), Files.readAllBytes(other));
        assertRefused(BAG, "a", "encryption key app v1");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void wrongEncryptionContext_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        Path meta = keyMetadata("app", 1);
        String context = itemFormat == 2
                ? StoredObjects.readString(meta).replaceFirst("(?m)^(messer-encryption-context=.*)$", "$1&team=intruder")
                : "messer-encryption-context=messer%3Akey_name=app&messer%3Akey_version=1\n";
        assertThat(itemFormat == 1 || context.contains("&team=intruder"))
                .as("the stored context line was found and changed: %s", context).isTrue();
        StoredObjects.write(meta, context.getBytes(StandardCharsets.UTF_8));
        assertRefused(BAG, "a", "encryption key app v1");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {2})
    void removedEncryptionContext_failsIntegrity(int itemFormat) throws IOException {
        setUp(itemFormat);
        Files.delete(keyMetadata("app", 1));
        assertRefused(BAG, "a", "encryption key app v1");
    }

    /** Key version 0's object put in place of version 1: the context names the wrong version (2), or the item tag fails (1). */
    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void keyObjectCopiedOverAnotherVersion_failsIntegrity(int itemFormat) throws IOException {
        setUp(itemFormat);
        StoredObjects.copy(keyObject("app", 0), keyObject("app", 1));
        if (Files.exists(keyMetadata("app", 0))) {
            StoredObjects.copy(keyMetadata("app", 0), keyMetadata("app", 1));
        }
        assertRefused(BAG, "a", itemFormat == 2 ? "key object app/1" : "item bag/a");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void corruptedKeyObject_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        byte[] wrapped = StoredObjects.read(keyObject("app", 1));
        StoredObjects.write(keyObject("app", 1), StoredObjects.flipBit(wrapped, wrapped.length - 3));
        assertRefused(BAG, "a", "encryption key app v1");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void truncatedKeyObject_failsIntegrity(int itemFormat) {
        setUp(itemFormat);
        byte[] wrapped = StoredObjects.read(keyObject("app", 1));
        StoredObjects.write(keyObject("app", 1), Arrays.copyOf(wrapped, 20));
        assertRefused(BAG, "a", "encryption key app v1");
    }

    @ParameterizedTest(name = "item_format {0}")
    @ValueSource(ints = {1, 2})
    void untouchedItems_stillDecryptAfterTamperingWithAnother(int itemFormat) {
        setUp(itemFormat);
        StoredObjects.rewriteEnvelope(item("a"), e -> StoredObjects.withTag(e, StoredObjects.flipBit(e.tag(), 0)));
        assertThat(show(BAG, "b").out()).contains(SECRET + "-b");
        Envelope envelope = StoredObjects.envelope(item("b"));
        assertThat(envelope.version().wire()).isEqualTo(String.valueOf(itemFormat));
        assertThat(envelope.nonce()).hasSize(itemFormat == 1 ? 32 : 12);
    }
}

package dev.messer.databag;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.Hint;
import dev.messer.error.ConflictException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import dev.messer.store.BlobStore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The items of the secrets bucket under the profile's tier and folder: find, open (decrypt), write
 * with a precondition, upload, delete, and list an item's history. Items are sealed with the
 * profile's {@link DataKeys} in the item format of its {@link ItemCrypto}.
 */
public final class ItemService {

    /** The object metadata entry (S3 user metadata, a local sidecar line) naming who wrote an item version. */
    public static final String WRITER = "messer-writer";

    private final BlobStore store;
    private final SecretsLayout layout;
    private final ItemCrypto crypto;
    private final Bags bags;
    private final KeyRing ring;
    private final DataKeys keys;
    private final Supplier<String> writer;
    private final ItemVersions versions;

    /**
     * @param bags   the bags of the same store and layout: an item's bag must exist
     * @param ring   names the latest version of a key, for uploads
     * @param writer who writes, stored as {@value #WRITER} metadata of every item version; asked on the first write
     */
    public ItemService(BlobStore store, SecretsLayout layout, ItemCrypto crypto, Bags bags, KeyRing ring,
                       DataKeys keys, Supplier<String> writer) {
        this.store = store;
        this.layout = layout;
        this.crypto = crypto;
        this.bags = bags;
        this.ring = ring;
        this.keys = keys;
        this.writer = writer;
        this.versions = new ItemVersions(store, layout);
    }

    /** The stored item and its entity tag, or empty if there is no such item (one GET, no bag check). */
    public Optional<Read> find(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String objectKey = layout.itemKey(bag, id);
        return store.get(objectKey).map(blob -> new Read(
                StoredItem.parse(blob.content(), "item " + bag + "/" + id + " (" + objectKey + ")"), blob.etag()));
    }

    /** The stored (encrypted) item and its entity tag. @throws NotFoundException naming the missing bag or item */
    public Read read(String bag, String id) {
        return find(bag, id).orElseThrow(() -> missing(bag, id));
    }

    /** Reads and decrypts an item once: the document, and what a conditional rewrite needs. */
    public Opened open(String bag, String id) {
        Read read = read(bag, id);
        return new Opened(read, open(bag, id, read));
    }

    /** Decrypts an item already read with {@link #find} or {@link #read}, checking that it belongs at {@code bag/id}. */
    public ItemDocument open(String bag, String id, Read current) {
        return crypto.open(bag, id, current.item(), keys);
    }

    /**
     * Stores a decrypted document (bulk copy, edit, set, rollback) sealed with {@code key}, only if
     * {@code precondition} holds.
     *
     * @throws AlreadyExistsException if the item must be absent and exists
     * @throws ConflictException      if the item changed since it was read
     */
    public void write(String bag, ItemDocument document, KeyRef key, Precondition precondition) {
        byte[] sealed;
        try (DataKey dataKey = keys.forWriting(key)) {
            sealed = crypto.seal(bag, document, key, dataKey).toBytes();
        }
        String objectKey = layout.itemKey(bag, document.id());
        if (precondition.etag().isPresent()) {
            store.putIfMatch(objectKey, sealed, writeMetadata(), precondition.etag().get());
        } else {
            store.putIfAbsent(objectKey, sealed, writeMetadata());
        }
    }

    /**
     * {@link BagUpload#start}: several items into one bag with one key version, resolved once.
     *
     * @param version the key version, or empty for the latest
     */
    public BagUpload startUpload(String bag, String keyName, OptionalInt version) {
        return BagUpload.start(this, bag, keyName, version);
    }

    /** Deletes an item, even one whose stored object is damaged. @throws NotFoundException if absent */
    public void delete(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String objectKey = layout.itemKey(bag, id);
        if (store.get(objectKey).isEmpty()) {
            throw missing(bag, id);
        }
        store.delete(objectKey);
    }

    /**
     * Versions of an item, newest first: at most {@code limit} (0 for no limit), from the newest or
     * from the one after {@code before}; see {@link ItemHistory} for what can be done with them.
     *
     * @throws NotFoundException if the store holds no version of the item, or none named {@code before}
     */
    public ItemHistory.History history(String bag, String id, Optional<String> before, int limit) {
        return versions.page(bag, id, before, limit);
    }

    /** The envelope version this service writes ({@code item_format}). */
    public EnvelopeVersion writeVersion() {
        return crypto.writeVersion();
    }

    /** The object metadata every item write carries: who wrote it. Not part of the ciphertext. */
    Map<String, String> writeMetadata() {
        return Map.of(WRITER, writer.get());
    }

    BlobStore store() {
        return store;
    }

    SecretsLayout layout() {
        return layout;
    }

    ItemCrypto crypto() {
        return crypto;
    }

    Bags bags() {
        return bags;
    }

    KeyRing ring() {
        return ring;
    }

    DataKeys keys() {
        return keys;
    }

    private NotFoundException missing(String bag, String id) {
        if (!bags.bagExists(bag)) {
            return bags.noBag(bag);
        }
        return new NotFoundException("item " + id + " does not exist in data bag " + bag,
                Hint.of("see {}", Hint.command("data bag show", bag)));
    }

    static AlreadyExistsException alreadyExists(String bag, String id) {
        return new AlreadyExistsException("item " + id + " already exists in data bag " + bag
                + "; add --force to replace it");
    }

    /** A decrypted item with the stored form and entity tag it was read from. */
    public record Opened(Read read, ItemDocument document) {
        @Override
        public String toString() {
            return "Opened[" + document + "]";
        }
    }

    /** A stored item and the entity tag it had when read. */
    public record Read(StoredItem item, String etag) {
    }
}

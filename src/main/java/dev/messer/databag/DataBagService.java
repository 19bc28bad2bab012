package dev.messer.databag;

import com.google.gson.JsonObject;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Bags and items in the secrets bucket: create, list, upload, read, decrypt, delete. */
public final class DataBagService {

    /** The object metadata entry (S3 user metadata, a local sidecar line) naming who wrote an item version. */
    public static final String WRITER = "messer-writer";
    static final String UNKNOWN_WRITER = "unknown";

    private final BlobStore store;
    private final SecretsLayout layout;
    private final ItemCrypto crypto;
    private final EnvelopeVersion writeVersion;
    private final Supplier<String> writer;
    private final StoreNotices notices;

    /** Records {@value #UNKNOWN_WRITER} as the writer of what it stores. */
    public DataBagService(BlobStore store, SecretsLayout layout, EnvelopeVersion writeVersion) {
        this(store, layout, writeVersion, () -> UNKNOWN_WRITER, 1, StoreNotices.NONE);
    }

    /** @param writer who writes, stored as {@value #WRITER} metadata of every item version; asked on the first write */
    public DataBagService(BlobStore store, SecretsLayout layout, EnvelopeVersion writeVersion, Supplier<String> writer) {
        this(store, layout, writeVersion, writer, 1, StoreNotices.NONE);
    }

    /**
     * @param minItemFormat items in an older format are refused ({@code min_item_format})
     * @param notices       hears about format-1 items opened and names that break the naming rule
     */
    public DataBagService(BlobStore store, SecretsLayout layout, EnvelopeVersion writeVersion, int minItemFormat,
                          StoreNotices notices) {
        this(store, layout, writeVersion, () -> UNKNOWN_WRITER, minItemFormat, notices);
    }

    /**
     * @param writer        who writes, stored as {@value #WRITER} metadata of every item version; asked on the first write
     * @param minItemFormat items in an older format are refused ({@code min_item_format})
     * @param notices       hears about format-1 items opened and names that break the naming rule
     */
    public DataBagService(BlobStore store, SecretsLayout layout, EnvelopeVersion writeVersion, Supplier<String> writer,
                          int minItemFormat, StoreNotices notices) {
        this.store = store;
        this.layout = layout;
        this.crypto = new ItemCrypto(layout, minItemFormat, writeVersion, notices);
        this.writeVersion = writeVersion;
        this.writer = writer;
        this.notices = notices;
    }

    /** The object metadata every item write carries: who wrote it. Not part of the ciphertext. */
    public Map<String, String> writeMetadata() {
        return Map.of(WRITER, writer.get());
    }

    public SecretsLayout layout() {
        return layout;
    }

    public BlobStore store() {
        return store;
    }

    /** The envelope version this service writes ({@code item_format}). */
    public EnvelopeVersion writeVersion() {
        return writeVersion;
    }

    /** Creates the bag's folder marker. @return false if the bag already existed */
    public boolean createBag(String bag) {
        Names.check("bag name", bag);
        if (bagExists(bag)) {
            return false;
        }
        store.put(layout.bagMarker(bag), new byte[0], Map.of());
        return true;
    }

    public boolean bagExists(String bag) {
        Names.check("bag name", bag);
        String marker = layout.bagMarker(bag);
        // the marker answers in one request; only bags made without one (by hand) need a listing
        return store.get(marker).isPresent() || !store.list(marker).isEmpty();
    }

    /** Bag names under the tier/folder prefix: folders with a marker or with items. Invalid names are reported, not listed. */
    public List<String> listBags() {
        String prefix = layout.bagsPrefix();
        TreeSet<String> bags = new TreeSet<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.indexOf('/', slash + 1) < 0) {
                bags.add(rest.substring(0, slash));
            }
        }
        return new ArrayList<>(validOnly("bag name", bags));
    }

    /** Leaves out the names that break the naming rule, reporting each once, escaped. */
    private List<String> validOnly(String what, Collection<String> names) {
        List<String> valid = new ArrayList<>();
        for (String name : names) {
            if (Names.isValid(name)) {
                valid.add(name);
            } else {
                notices.invalidName(what, Names.escaped(name), store.describe());
            }
        }
        return valid;
    }

    /**
     * Every bag under the tier/folder prefix with its item ids, from one listing of the prefix (the
     * store pages through it): bags without items are included with an empty list.
     */
    public SortedMap<String, List<String>> listAllItems() {
        String prefix = layout.bagsPrefix();
        SortedMap<String, List<String>> bags = new TreeMap<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            String bag = rest.substring(0, slash);
            String id = rest.substring(slash + 1);
            if (id.contains("/")) {
                continue;
            }
            List<String> ids = bags.computeIfAbsent(bag, b -> new ArrayList<>());
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        SortedMap<String, List<String>> valid = new TreeMap<>();
        for (String bag : validOnly("bag name", bags.keySet())) {
            valid.put(bag, new ArrayList<>(validOnly("item id", bags.get(bag))));
        }
        return valid;
    }

    /** Item ids in a bag. @throws NotFoundException if the bag does not exist */
    public List<String> listItems(String bag) {
        requireBag(bag);
        String prefix = layout.bagMarker(bag);
        List<String> items = new ArrayList<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            if (!rest.isEmpty() && !rest.contains("/")) {
                items.add(rest);
            }
        }
        return new ArrayList<>(validOnly("item id", items));
    }

    /**
     * Encrypts and stores one item, unless it holds that content with that key version already;
     * see {@link #startUpload} to upload several.
     *
     * @param version the key version, or empty for the latest
     * @return the key version used
     */
    public KeyRef upload(String bag, ItemDocument item, String keyName, OptionalInt version, boolean force,
                         DataKeyCache keys) {
        BagUpload upload = startUpload(bag, keyName, version, keys);
        upload.put(item, force);
        return upload.key();
    }

    /** {@link BagUpload#start}: several items into one bag with one key version. */
    public BagUpload startUpload(String bag, String keyName, OptionalInt version, DataKeyCache keys) {
        return BagUpload.start(this, bag, keyName, version, keys);
    }

    /** Whether the item is stored (the bag need not exist). */
    public boolean itemExists(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        return store.get(layout.itemKey(bag, id)).isPresent();
    }

    /** The stored (encrypted) item and its entity tag. */
    public Read read(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String objectKey = layout.itemKey(bag, id);
        Blob blob = store.get(objectKey).orElseThrow(() -> {
            if (!bagExists(bag)) {
                return noBag(bag);
            }
            return new NotFoundException("item " + id + " does not exist in data bag " + bag,
                    Hint.of("see {}", Hint.command("data bag show", bag)));
        });
        StoredItem stored = StoredItem.parse(blob.content(), "item " + bag + "/" + id + " (" + objectKey + ")");
        return new Read(stored, blob.etag());
    }

    /** Decrypts an item, checking that it belongs at {@code bag/id}. */
    public ItemDocument decrypt(String bag, String id, DataKeyCache keys) {
        StoredItem stored = read(bag, id).item();
        return openStored(bag, id, stored, keys);
    }

    /** The stored item and its entity tag, or empty if there is no such item (one GET, no bag check). */
    public Optional<Read> find(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String objectKey = layout.itemKey(bag, id);
        return store.get(objectKey).map(blob -> new Read(
                StoredItem.parse(blob.content(), "item " + bag + "/" + id + " (" + objectKey + ")"), blob.etag()));
    }

    /** Decrypts an item already read with {@link #read}, checking that it belongs at {@code bag/id}. */
    public ItemDocument open(String bag, String id, Read current, DataKeyCache keys) {
        return openStored(bag, id, current.item(), keys);
    }

    /** Messer's decrypted view of an item. */
    public JsonObject decryptedView(String bag, String id, DataKeyCache keys) {
        StoredItem stored = read(bag, id).item();
        ItemDocument document = openStored(bag, id, stored, keys);
        return ItemCrypto.decryptedView(stored, document);
    }

    /** Reads and decrypts an item once: the document, Messer's view, and what a conditional rewrite needs. */
    public Opened open(String bag, String id, DataKeyCache keys) {
        Read read = read(bag, id);
        ItemDocument document = openStored(bag, id, read.item(), keys);
        return new Opened(read, document, ItemCrypto.decryptedView(read.item(), document));
    }

    /**
     * Re-seals an item with {@code newKey}, replacing it only if it is still the object that was read.
     *
     * @throws ConflictException if it changed meanwhile
     */
    public void reseal(String bag, String id, Read current, KeyRef newKey, DataKeyCache keys) {
        ItemDocument document = openStored(bag, id, current.item(), keys);
        store.putIfMatch(layout.itemKey(bag, id), sealed(bag, document, newKey, keys), writeMetadata(), current.etag());
    }

    /** Stores an already decrypted document (bulk copy, edit) under the given key, replacing only if {@code etag} is the current entity tag, or creating only if absent when {@code etag} is empty. */
    public void write(String bag, ItemDocument document, KeyRef key, DataKeyCache keys, Optional<String> etag) {
        byte[] sealed = sealed(bag, document, key, keys);
        String objectKey = layout.itemKey(bag, document.id());
        if (etag.isPresent()) {
            store.putIfMatch(objectKey, sealed, writeMetadata(), etag.get());
        } else {
            store.putIfAbsent(objectKey, sealed, writeMetadata());
        }
    }

    /** The stored form of {@code document} at {@code bag}, sealed with {@code key} in this profile's item format. */
    byte[] sealed(String bag, ItemDocument document, KeyRef key, DataKeyCache keys) {
        return crypto.seal(bag, document, key, keys.forWriting(key), writeVersion).toBytes();
    }

    /** Deletes an item, even one whose stored object is damaged. @throws NotFoundException if absent */
    public void deleteItem(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String objectKey = layout.itemKey(bag, id);
        if (store.get(objectKey).isEmpty()) {
            if (!bagExists(bag)) {
                throw noBag(bag);
            }
            throw new NotFoundException("item " + id + " does not exist in data bag " + bag,
                    Hint.of("see {}", Hint.command("data bag show", bag)));
        }
        store.delete(objectKey);
    }

    /** Deletes an empty bag. @throws ConflictException naming the items if it is not empty */
    public void deleteBag(String bag) {
        List<String> items = listItems(bag);
        if (!items.isEmpty()) {
            throw new ConflictException("data bag " + bag + " is not empty (" + String.join(", ", items)
                    + "); delete its items first");
        }
        store.delete(layout.bagMarker(bag));
    }

    /**
     * Opens a stored item, or one kept version of it, found at {@code bag/id}: every read path comes
     * here, so each makes the same checks in the same order. The key name and the item format are
     * checked before the key is fetched, so a refused item costs no unwrap.
     */
    public ItemDocument openStored(String bag, String id, StoredItem stored, DataKeyCache keys) {
        Names.check("key name", stored.keyName());
        crypto.checkFormat(bag, id, stored);
        return crypto.open(bag, id, stored, keys.get(stored.keyRef()));
    }

    private void requireBag(String bag) {
        if (!bagExists(bag)) {
            throw noBag(bag);
        }
    }

    private NotFoundException noBag(String bag) {
        return new NotFoundException("data bag " + bag + " (" + layout.bagMarker(bag) + ") does not exist in "
                + store.describe(), Hint.of("create it with {}", Hint.command("data bag create", bag)));
    }

    static AlreadyExistsException alreadyExists(String bag, String id) {
        return new AlreadyExistsException("item " + id + " already exists in data bag " + bag
                + "; add --force to replace it");
    }

    /** A decrypted item with the stored form and entity tag it was read from. */
    public record Opened(Read read, ItemDocument document, JsonObject view) {
        @Override
        public String toString() {
            return "Opened[" + document + "]";
        }
    }

    /** A stored item and the entity tag it had when read. */
    public record Read(StoredItem item, String etag) {
    }
}

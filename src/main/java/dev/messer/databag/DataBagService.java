package dev.messer.databag;

import com.google.gson.JsonObject;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Bags and items in the secrets bucket: create, list, upload, read, decrypt, delete. */
public final class DataBagService {

    private final BlobStore store;
    private final SecretsLayout layout;
    private final ItemCrypto crypto;
    private final EnvelopeVersion writeVersion;

    public DataBagService(BlobStore store, SecretsLayout layout, EnvelopeVersion writeVersion) {
        this.store = store;
        this.layout = layout;
        this.crypto = new ItemCrypto(layout);
        this.writeVersion = writeVersion;
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

    /** Bag names under the tier/folder prefix: folders with a marker or with items. */
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
        return new ArrayList<>(bags);
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
        return bags;
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
        return items;
    }

    /**
     * Encrypts and stores one item; see {@link #startUpload} to upload several.
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

    /**
     * Resolves, once for all the items a command uploads to {@code bag}: that the bag exists, which
     * items it already holds (one listing), and the key version to seal with (its number and its
     * unwrapped data key).
     *
     * @param version the key version, or empty for the latest
     */
    public BagUpload startUpload(String bag, String keyName, OptionalInt version, DataKeyCache keys) {
        Set<String> existing = new HashSet<>(listItems(bag));
        KeyRing ring = keys.ring();
        Names.check("key name", keyName);
        KeyRef key = new KeyRef(keyName, version.isPresent() ? version.getAsInt() : ring.latest(keyName));
        if (version.isPresent() && !ring.exists(key)) {
            throw new NotFoundException("encryption key " + key + " does not exist; see 'messer encryption list <provider> "
                    + keyName + "'");
        }
        keys.get(key);
        return new BagUpload(bag, key, keys, existing);
    }

    /**
     * Uploads into one bag with one key version. A new item costs one conditional create; a replaced
     * one a read and a conditional replace, so that an item changed meanwhile by another writer is
     * reported as a conflict instead of being overwritten unseen.
     */
    public final class BagUpload {

        private final String bag;
        private final KeyRef key;
        private final DataKeyCache keys;
        private final Set<String> existing;

        private BagUpload(String bag, KeyRef key, DataKeyCache keys, Set<String> existing) {
            this.bag = bag;
            this.key = key;
            this.keys = keys;
            this.existing = existing;
        }

        public KeyRef key() {
            return key;
        }

        /** Whether the bag held the item when the upload started. */
        public boolean exists(String id) {
            return existing.contains(id);
        }

        /**
         * @param replace whether an existing item may be replaced
         * @throws AlreadyExistsException if it exists and {@code replace} is false, even when another
         *                                writer created it meanwhile
         */
        public void put(ItemDocument item, boolean replace) {
            if (existing.contains(item.id()) && !replace) {
                throw alreadyExists(bag, item.id());
            }
            String objectKey = layout.itemKey(bag, item.id());
            byte[] sealed = crypto.seal(bag, item, key, keys.get(key), writeVersion).toBytes();
            if (existing.contains(item.id())) {
                Optional<Blob> current = store.get(objectKey);
                if (current.isPresent()) {
                    store.putIfMatch(objectKey, sealed, Map.of(), current.get().etag());
                    return;
                }
            }
            try {
                store.putIfAbsent(objectKey, sealed, Map.of());
            } catch (AlreadyExistsException e) {
                if (!replace) {
                    throw alreadyExists(bag, item.id());
                }
                String etag = store.get(objectKey).map(Blob::etag).orElseThrow(() -> e);
                store.putIfMatch(objectKey, sealed, Map.of(), etag);
            }
            existing.add(item.id());
        }
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
            return new NotFoundException("item " + id + " does not exist in data bag " + bag
                    + "; see 'messer data bag show <provider> " + bag + "'");
        });
        StoredItem stored = StoredItem.parse(blob.content(), "item " + bag + "/" + id + " (" + objectKey + ")");
        return new Read(stored, blob.etag());
    }

    /** Decrypts an item, checking that it belongs at {@code bag/id}. */
    public ItemDocument decrypt(String bag, String id, DataKeyCache keys) {
        StoredItem stored = read(bag, id).item();
        return crypto.open(bag, id, stored, keys.get(stored.keyRef()));
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
        return crypto.open(bag, id, current.item(), keys.get(current.item().keyRef()));
    }

    /** Messer's decrypted view of an item. */
    public JsonObject decryptedView(String bag, String id, DataKeyCache keys) {
        StoredItem stored = read(bag, id).item();
        ItemDocument document = crypto.open(bag, id, stored, keys.get(stored.keyRef()));
        return ItemCrypto.decryptedView(stored, document);
    }

    /** Reads and decrypts an item once: the document, Messer's view, and what a conditional rewrite needs. */
    public Opened open(String bag, String id, DataKeyCache keys) {
        Read read = read(bag, id);
        ItemDocument document = crypto.open(bag, id, read.item(), keys.get(read.item().keyRef()));
        return new Opened(read, document, ItemCrypto.decryptedView(read.item(), document));
    }

    /**
     * Re-seals an item with {@code newKey}, replacing it only if it is still the object that was read.
     *
     * @throws ConflictException if it changed meanwhile
     */
    public void reseal(String bag, String id, Read current, KeyRef newKey, DataKeyCache keys) {
        ItemDocument document = crypto.open(bag, id, current.item(), keys.get(current.item().keyRef()));
        StoredItem sealed = crypto.seal(bag, document, newKey, keys.get(newKey), writeVersion);
        store.putIfMatch(layout.itemKey(bag, id), sealed.toBytes(), Map.of(), current.etag());
    }

    /** Stores an already decrypted document (bulk copy, edit) under the given key, replacing only if {@code etag} is the current entity tag, or creating only if absent when {@code etag} is empty. */
    public void write(String bag, ItemDocument document, KeyRef key, DataKeyCache keys, Optional<String> etag) {
        StoredItem sealed = crypto.seal(bag, document, key, keys.get(key), writeVersion);
        String objectKey = layout.itemKey(bag, document.id());
        if (etag.isPresent()) {
            store.putIfMatch(objectKey, sealed.toBytes(), Map.of(), etag.get());
        } else {
            store.putIfAbsent(objectKey, sealed.toBytes(), Map.of());
        }
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
            throw new NotFoundException("item " + id + " does not exist in data bag " + bag
                    + "; see 'messer data bag show <provider> " + bag + "'");
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

    private void requireBag(String bag) {
        if (!bagExists(bag)) {
            throw noBag(bag);
        }
    }

    private NotFoundException noBag(String bag) {
        return new NotFoundException("data bag " + bag + " (" + layout.bagMarker(bag) + ") does not exist in "
                + store.describe() + "; create it with 'messer data bag create <provider> " + bag + "'");
    }

    private static AlreadyExistsException alreadyExists(String bag, String id) {
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

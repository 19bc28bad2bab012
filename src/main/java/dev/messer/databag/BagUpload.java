package dev.messer.databag;

import dev.messer.crypto.DataKey;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.Hint;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Uploads into one bag with one key version ({@link ItemService#startUpload}). A new item costs
 * one conditional create; a replaced one a read and a conditional replace, so that an item changed
 * meanwhile by another writer is reported as a conflict instead of being overwritten unseen. A
 * replacement that would store what is there already (the same plaintext bytes, key version and
 * item format) writes nothing, so that repeated uploads add no version to the history.
 */
public final class BagUpload {

    /** What {@link #put} did. */
    public enum Outcome {
        CREATED, REPLACED, UNCHANGED
    }

    private final ItemService items;
    private final BlobStore store;
    private final String bag;
    private final KeyRef key;
    private final Set<String> existing;

    private BagUpload(ItemService items, String bag, KeyRef key, Set<String> existing) {
        this.items = items;
        this.store = items.store();
        this.bag = bag;
        this.key = key;
        this.existing = existing;
    }

    /**
     * Resolves, once for all the items a command uploads to {@code bag}: that the bag exists, which
     * items it already holds (one listing), and the key version to seal with (its number, and that
     * this profile may write with it; its data key is unwrapped here, once for the run, and each item
     * is sealed with a copy from the session's cache).
     *
     * @param version the key version, or empty for the latest
     */
    static BagUpload start(ItemService items, String bag, String keyName, OptionalInt version) {
        Set<String> existing = new HashSet<>(items.bags().listItems(bag));
        KeyRing ring = items.ring();
        Names.check("key name", keyName);
        KeyRef key = new KeyRef(keyName, version.isPresent() ? version.getAsInt() : ring.latest(keyName));
        if (version.isPresent() && !ring.exists(key)) {
            throw new NotFoundException("encryption key " + key + " does not exist",
                    Hint.of("see {}", Hint.command("encryption list", keyName)));
        }
        items.keys().forWriting(key).close();
        return new BagUpload(items, bag, key, existing);
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
    public Outcome put(ItemDocument item, boolean replace) {
        if (existing.contains(item.id()) && !replace) {
            throw ItemService.alreadyExists(bag, item.id());
        }
        String objectKey = items.layout().itemKey(bag, item.id());
        if (existing.contains(item.id())) {
            Optional<Blob> current = store.get(objectKey);
            if (current.isPresent()) {
                return replace(item, objectKey, current.get());
            }
        }
        try {
            store.putIfAbsent(objectKey, seal(item), items.writeMetadata());
        } catch (AlreadyExistsException e) {
            if (!replace) {
                throw ItemService.alreadyExists(bag, item.id());
            }
            Blob current = store.get(objectKey).orElseThrow(() -> e);
            existing.add(item.id());
            return replace(item, objectKey, current);
        }
        existing.add(item.id());
        return Outcome.CREATED;
    }

    private Outcome replace(ItemDocument item, String objectKey, Blob current) {
        if (holds(current, item)) {
            return Outcome.UNCHANGED;
        }
        store.putIfMatch(objectKey, seal(item), items.writeMetadata(), current.etag());
        return Outcome.REPLACED;
    }

    private byte[] seal(ItemDocument item) {
        try (DataKey dataKey = items.keys().forWriting(key)) {
            return items.crypto().seal(bag, item, key, dataKey).toBytes();
        }
    }

    /**
     * Whether {@code current} already is {@code item} sealed with this upload's key version in the
     * item format this profile writes. A stored item that cannot be read or opened is not: replacing
     * it is what the upload asks for.
     */
    private boolean holds(Blob current, ItemDocument item) {
        try {
            StoredItem stored = StoredItem.parse(current.content(), "item " + bag + "/" + item.id());
            return stored.keyRef().equals(key) && items.crypto().openIn(items.writeVersion(), bag, item.id(), stored,
                    items.keys()).map(held -> held.sealsAs(item)).orElse(false);
        } catch (MesserException e) {
            return false;
        }
    }
}

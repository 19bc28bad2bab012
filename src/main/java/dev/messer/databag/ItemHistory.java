package dev.messer.databag;

import com.google.gson.JsonObject;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import java.util.List;
import java.util.Optional;

/**
 * The versions the secrets store keeps of an item, beyond listing them ({@link ItemService#history}):
 * decrypt one, compare two, roll back to one, or purge them all. A version is opened at the item's
 * own path, so the path binding holds for old versions as for the current one.
 */
public final class ItemHistory {

    private final BlobStore store;
    private final SecretsLayout layout;
    private final ItemCrypto crypto;
    private final DataKeys keys;
    private final KeyRing ring;
    private final ItemService items;
    private final ItemVersions versions;

    /**
     * @param crypto opens versions as {@code items} opens current items
     * @param ring   names the latest version of a key, which a rollback seals with
     * @param items  writes a rollback, conditional on the item as it is now
     */
    public ItemHistory(BlobStore store, SecretsLayout layout, ItemCrypto crypto, DataKeys keys, KeyRing ring,
                       ItemService items) {
        this.store = store;
        this.layout = layout;
        this.crypto = crypto;
        this.keys = keys;
        this.ring = ring;
        this.items = items;
        this.versions = new ItemVersions(store, layout);
    }

    /**
     * Versions of an item, newest first: one page of them, how many older versions the page left out,
     * and whether the store keeps old versions at all.
     */
    public record History(List<ItemVersion> versions, int older, boolean kept) {
        public History {
            versions = List.copyOf(versions);
        }
    }

    /**
     * The version id {@code version} names: {@code previous}, {@code ~N} (N versions back, as
     * {@code data bag history} lists them), or an id as it is. Every method here accepts these words.
     *
     * @throws NotFoundException if the item has no version that far back
     */
    public String resolve(String bag, String id, String version) {
        return versions.resolve(bag, id, version);
    }

    /** Decrypts one version at the item's own path, with the stored form it was read from. */
    public ItemService.Opened openVersion(String bag, String id, String version) {
        StoredItem stored = stored(bag, id, version);
        ItemDocument document = crypto.open(bag, id, stored, keys);
        return new ItemService.Opened(new ItemService.Read(stored, ""), document);
    }

    /** Decrypts one version at the item's own path. */
    public ItemDocument open(String bag, String id, String version) {
        return crypto.open(bag, id, stored(bag, id, version), keys);
    }

    /**
     * The fields of the latest version and of the one before, for a diff: a deletion, or no version
     * before the first, is an empty object.
     */
    public JsonObject[] latestAndPrevious(String bag, String id) {
        List<BlobVersion> all = versions.listing(bag, id).versions();
        JsonObject latest = contentOf(bag, id, all.get(0));
        JsonObject previous = all.size() > 1 ? contentOf(bag, id, all.get(1)) : new JsonObject();
        return new JsonObject[] {latest, previous};
    }

    /** The fields of one version, or of the latest when {@code version} is empty; a deletion is an empty object. */
    public JsonObject fields(String bag, String id, Optional<String> version) {
        List<BlobVersion> all = versions.listing(bag, id).versions();
        if (version.isPresent()) {
            String wanted = resolve(bag, id, version.get());
            BlobVersion found = all.stream().filter(v -> v.id().equals(wanted)).findFirst()
                    .orElseThrow(() -> ItemVersions.noVersion(bag, id, version.get()));
            return contentOf(bag, id, found);
        }
        return contentOf(bag, id, all.get(0));
    }

    private JsonObject contentOf(String bag, String id, BlobVersion version) {
        return version.deleted() ? new JsonObject() : open(bag, id, version.id()).json();
    }

    /**
     * Re-seals the content of {@code version} with the latest version of the key it was sealed
     * under, as a new write conditional on the current object (or on there being none, which
     * restores a deleted item). History only grows: the rollback is a version of its own.
     *
     * @return the key the item is now sealed with
     * @throws ConflictException if the item changed between reading and writing
     */
    public KeyRef rollback(String bag, String id, String version) {
        StoredItem stored = stored(bag, id, version);
        ItemDocument document = crypto.open(bag, id, stored, keys);
        KeyRef key = new KeyRef(stored.keyName(), ring.latest(stored.keyName()));
        Optional<ItemService.Read> current = items.find(bag, id);
        try {
            items.write(bag, document, key, Precondition.asFound(current));
        } catch (ConflictException | AlreadyExistsException e) {
            throw new ConflictException("item " + bag + "/" + id + " changed while it was being rolled back",
                    Hint.of("nothing was written: see {} and run the rollback again",
                            Hint.command("data bag history", bag, id)), e);
        }
        return key;
    }

    /**
     * Deletes the item, if it exists, with every kept version of it.
     *
     * @throws NotFoundException if there is neither an item nor a history
     */
    public void purge(String bag, String id) {
        versions.listing(bag, id);
        store.purge(layout.itemKey(bag, id));
    }

    private StoredItem stored(String bag, String id, String word) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String version = resolve(bag, id, word);
        String key = layout.itemKey(bag, id);
        Blob blob = store.getVersion(key, version).orElseThrow(() -> {
            boolean deletion = versions.listing(bag, id).versions().stream()
                    .anyMatch(v -> v.id().equals(version) && v.deleted());
            if (deletion) {
                return new InvalidInputException("version " + version + " of item " + bag + "/" + id + " is a deletion "
                        + "and has no content", Hint.of("pick another version from {}",
                        Hint.command("data bag history", bag, id)));
            }
            return ItemVersions.noVersion(bag, id, version);
        });
        return StoredItem.parse(blob.content(), "version " + version + " of item " + bag + "/" + id + " (" + key + ")");
    }
}

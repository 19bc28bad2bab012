package dev.messer.databag;

import com.google.gson.JsonObject;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The versions the secrets store keeps of an item: list them, decrypt one, roll back to one, or
 * purge them all. A version is opened at the item's own path, so the path binding holds for old
 * versions as for the current one.
 */
public final class ItemHistory {

    private final DataBagService bags;
    private final BlobStore store;
    private final SecretsLayout layout;

    public ItemHistory(DataBagService bags) {
        this.bags = bags;
        this.store = bags.store();
        this.layout = bags.layout();
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
     * Every version, as one listing found them. A version that a concurrent write dropped between
     * the listing and its reading is left out, rather than listed without its writer, key and format.
     *
     * @throws NotFoundException if the store holds no version of the item
     */
    public History list(String bag, String id) {
        return list(bag, id, Optional.empty(), 0);
    }

    /**
     * One page: at most {@code limit} versions (0 for no limit), from the newest, or from the one
     * after {@code before}. The store's versions are listed once and the page is cut from that one
     * listing; only the versions on the page are read.
     *
     * @throws NotFoundException if the store holds no version of the item, or none named {@code before}
     */
    public History list(String bag, String id, Optional<String> before, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        VersionListing listing = listing(bag, id);
        List<BlobVersion> all = listing.versions();
        int from = 0;
        if (before.isPresent()) {
            from = all.stream().map(BlobVersion::id).toList().indexOf(before.get()) + 1;
            if (from == 0) {
                throw noVersion(bag, id, before.get());
            }
        }
        int to = limit == 0 ? all.size() : (int) Math.min(all.size(), (long) from + limit);
        String key = layout.itemKey(bag, id);
        List<ItemVersion> versions = new ArrayList<>();
        for (BlobVersion v : all.subList(from, to)) {
            describe(key, v).ifPresent(versions::add);
        }
        return new History(versions, all.size() - to, listing.kept());
    }

    /** Decrypts one version at the item's own path, with Messer's decrypted view of it. */
    public DataBagService.Opened openVersion(String bag, String id, String version, DataKeyCache keys) {
        StoredItem stored = stored(bag, id, version);
        ItemDocument document = bags.openStored(bag, id, stored, keys);
        return new DataBagService.Opened(new DataBagService.Read(stored, ""), document,
                ItemCrypto.decryptedView(stored, document));
    }

    /** Decrypts one version at the item's own path. */
    public ItemDocument open(String bag, String id, String version, DataKeyCache keys) {
        StoredItem stored = stored(bag, id, version);
        return bags.openStored(bag, id, stored, keys);
    }

    /**
     * The fields of the latest version and of the one before, for a diff: a deletion, or no version
     * before the first, is an empty object.
     */
    public JsonObject[] latestAndPrevious(String bag, String id, DataKeyCache keys) {
        List<BlobVersion> versions = listing(bag, id).versions();
        JsonObject latest = contentOf(bag, id, versions.get(0), keys);
        JsonObject previous = versions.size() > 1 ? contentOf(bag, id, versions.get(1), keys) : new JsonObject();
        return new JsonObject[] {latest, previous};
    }

    /** The fields of one version, or of the latest when {@code version} is empty; a deletion is an empty object. */
    public JsonObject fields(String bag, String id, Optional<String> version, DataKeyCache keys) {
        if (version.isPresent()) {
            BlobVersion found = listing(bag, id).versions().stream().filter(v -> v.id().equals(version.get()))
                    .findFirst().orElseThrow(() -> noVersion(bag, id, version.get()));
            return contentOf(bag, id, found, keys);
        }
        return contentOf(bag, id, listing(bag, id).versions().get(0), keys);
    }

    private JsonObject contentOf(String bag, String id, BlobVersion version, DataKeyCache keys) {
        return version.deleted() ? new JsonObject() : open(bag, id, version.id(), keys).json();
    }

    /**
     * Re-seals the content of {@code version} with the latest version of the key it was sealed
     * under, as a new write conditional on the current object (or on there being none, which
     * restores a deleted item). History only grows: the rollback is a version of its own.
     *
     * @return the key the item is now sealed with
     * @throws ConflictException if the item changed between reading and writing
     */
    public KeyRef rollback(String bag, String id, String version, DataKeyCache keys) {
        StoredItem stored = stored(bag, id, version);
        ItemDocument document = bags.openStored(bag, id, stored, keys);
        KeyRef key = new KeyRef(stored.keyName(), keys.ring().latest(stored.keyName()));
        Optional<DataBagService.Read> current = bags.find(bag, id);
        try {
            bags.write(bag, document, key, keys, current.map(DataBagService.Read::etag));
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
        listing(bag, id);
        store.purge(layout.itemKey(bag, id));
    }

    private VersionListing listing(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        VersionListing listing = store.versions(layout.itemKey(bag, id));
        if (listing.isEmpty()) {
            throw new NotFoundException("item " + id + " has no history in data bag " + bag + " in " + store.describe(),
                    Hint.of("see {}", Hint.command("data bag show", bag)));
        }
        return listing;
    }

    private StoredItem stored(String bag, String id, String version) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        String key = layout.itemKey(bag, id);
        Blob blob = store.getVersion(key, version).orElseThrow(() -> {
            boolean deletion = listing(bag, id).versions().stream().anyMatch(v -> v.id().equals(version) && v.deleted());
            if (deletion) {
                return new InvalidInputException("version " + version + " of item " + bag + "/" + id + " is a deletion "
                        + "and has no content", Hint.of("pick another version from {}",
                        Hint.command("data bag history", bag, id)));
            }
            return noVersion(bag, id, version);
        });
        return StoredItem.parse(blob.content(), "version " + version + " of item " + bag + "/" + id + " (" + key + ")");
    }

    private NotFoundException noVersion(String bag, String id, String version) {
        return new NotFoundException("item " + bag + "/" + id + " has no version '" + version + "'",
                Hint.of("see {}", Hint.command("data bag history", bag, id)));
    }

    /** Empty if the version is gone since it was listed. */
    private Optional<ItemVersion> describe(String key, BlobVersion v) {
        if (v.deleted()) {
            return Optional.of(new ItemVersion(v.id(), v.time(), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), 0, true));
        }
        Optional<Blob> blob = store.getVersion(key, v.id());
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> writer = Optional.ofNullable(blob.get().metadata().get(DataBagService.WRITER));
        try {
            StoredItem stored = StoredItem.parse(blob.get().content(), key);
            int format = Integer.parseInt(EnvelopeCodec.decode(stored.encryptedData()).version().wire());
            return Optional.of(new ItemVersion(v.id(), v.time(), writer, Optional.of(stored.keyName()),
                    OptionalInt.of(stored.keyVersion()), OptionalInt.of(format), blob.get().content().length, false));
        } catch (MesserException | NumberFormatException e) {
            return Optional.of(new ItemVersion(v.id(), v.time(), writer, Optional.empty(), OptionalInt.empty(),
                    OptionalInt.empty(), blob.get().content().length, false));
        }
    }
}

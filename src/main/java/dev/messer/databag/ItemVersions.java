package dev.messer.databag;

import dev.messer.crypto.EnvelopeCodec;
import dev.messer.error.MesserException;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.names.Names;
import dev.messer.store.Blob;
import dev.messer.store.BlobStore;
import dev.messer.store.BlobVersion;
import dev.messer.store.VersionListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The versions the secrets store keeps of an item, as one listing finds them, and pages of their descriptions. */
final class ItemVersions {

    /** The word for the version before the latest. */
    static final String PREVIOUS = "previous";

    private final BlobStore store;
    private final SecretsLayout layout;

    ItemVersions(BlobStore store, SecretsLayout layout) {
        this.store = store;
        this.layout = layout;
    }

    /**
     * One page: at most {@code limit} versions (0 for no limit), from the newest, or from the one
     * after {@code before}. The store's versions are listed once and the page is cut from that one
     * listing; only the versions on the page are read. A version that a concurrent write dropped
     * between the listing and its reading is left out, rather than listed without its writer, key
     * and format.
     *
     * @throws NotFoundException if the store holds no version of the item, or none named {@code before}
     */
    ItemHistory.History page(String bag, String id, Optional<String> before, int limit) {
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
        return new ItemHistory.History(versions, all.size() - to, listing.kept());
    }

    /** @throws NotFoundException if the store holds no version of the item */
    VersionListing listing(String bag, String id) {
        Names.check("bag name", bag);
        Names.check("item id", id);
        VersionListing listing = store.versions(layout.itemKey(bag, id));
        if (listing.isEmpty()) {
            throw new NotFoundException("item " + id + " has no history in data bag " + bag + " in " + store.describe(),
                    Hint.of("see {}", Hint.command("data bag show", bag)));
        }
        return listing;
    }

    /**
     * The version id a word names: {@code previous} (the version before the latest) and {@code ~N}
     * (N versions back from the latest, {@code ~0} being the latest) count the rows of
     * {@code data bag history}, deletions included; any other word is a version id as it is (on
     * local, a bare number is a version number).
     *
     * @throws NotFoundException if the item has no version that far back
     */
    String resolve(String bag, String id, String word) {
        int back;
        if (word.equals(PREVIOUS)) {
            back = 1;
        } else if (word.matches("~[0-9]{1,9}")) {
            back = Integer.parseInt(word.substring(1));
        } else {
            return word;
        }
        List<BlobVersion> all = listing(bag, id).versions();
        if (back >= all.size()) {
            throw new NotFoundException("item " + bag + "/" + id + " has " + all.size() + " version(s), so '" + word
                    + "' goes back too far", Hint.of("see {}", Hint.command("data bag history", bag, id)));
        }
        return all.get(back).id();
    }

    static NotFoundException noVersion(String bag, String id, String version) {
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
        Optional<String> writer = Optional.ofNullable(blob.get().metadata().get(ItemService.WRITER));
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

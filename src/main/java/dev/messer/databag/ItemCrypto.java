package dev.messer.databag;

import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.DataKeys;
import dev.messer.keys.KeyRef;
import dev.messer.names.Names;
import dev.messer.store.StoreNotices;
import java.util.Arrays;
import java.util.Optional;

/**
 * Seals a plaintext item into a {@link StoredItem} for one place in the layout, in the item format
 * this profile writes, and opens one found there, in any format it reads.
 */
public final class ItemCrypto {

    private final SecretsLayout layout;
    private final int minItemFormat;
    private final EnvelopeVersion writeVersion;
    private final StoreNotices notices;

    /**
     * @param minItemFormat the lowest item format opened ({@code min_item_format}); older ones are refused
     * @param writeVersion  the format this profile writes ({@code item_format}): opening an older one is
     *                      reported to {@code notices}
     */
    public ItemCrypto(SecretsLayout layout, int minItemFormat, EnvelopeVersion writeVersion, StoreNotices notices) {
        this.layout = layout;
        this.minItemFormat = minItemFormat;
        this.writeVersion = writeVersion;
        this.notices = notices;
    }

    /** The envelope version {@link #seal} writes. */
    public EnvelopeVersion writeVersion() {
        return writeVersion;
    }

    /** Seals {@code item} for {@code bag} with {@code dataKey}, the key of version {@code key}. */
    public StoredItem seal(String bag, ItemDocument item, KeyRef key, DataKey dataKey) {
        byte[] plaintext = item.toPlaintext();
        try {
            Envelope envelope = Envelope.seal(writeVersion, dataKey, plaintext, binding(bag, item.id(), key));
            return new StoredItem(item.id(), EnvelopeCodec.encode(envelope), key.name(), key.version());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts a stored item, or one kept version of it, found at {@code bag/pathId}, and checks that
     * it belongs there: every read path comes here, so each makes the same checks in the same order.
     * The envelope is decoded once; the key name and the item format are checked before the key is
     * asked of {@code keys}, so a refused item costs no unwrap.
     *
     * @throws IntegrityException if it was altered, moved, relabelled, or its id disagrees with its path
     */
    public ItemDocument open(String bag, String pathId, StoredItem stored, DataKeys keys) {
        Names.check("key name", stored.keyName());
        String where = describe(bag, pathId);
        return open(bag, pathId, stored, decode(where, stored), keys);
    }

    /** {@link #open}, if the item is sealed in {@code format}; empty, with no key asked for, if it is not. */
    Optional<ItemDocument> openIn(EnvelopeVersion format, String bag, String pathId, StoredItem stored, DataKeys keys) {
        Names.check("key name", stored.keyName());
        Envelope envelope = decode(describe(bag, pathId), stored);
        return envelope.version() != format ? Optional.empty()
                : Optional.of(open(bag, pathId, stored, envelope, keys));
    }

    private ItemDocument open(String bag, String pathId, StoredItem stored, Envelope envelope, DataKeys keys) {
        String where = describe(bag, pathId);
        checkFormat(where, envelope.version());
        try (DataKey dataKey = keys.forReading(stored.keyRef())) {
            return open(bag, pathId, stored, envelope, where, dataKey);
        }
    }

    private ItemDocument open(String bag, String pathId, StoredItem stored, Envelope envelope, String where,
                              DataKey dataKey) {
        if (!stored.id().equals(pathId)) {
            throw new IntegrityException(where + " holds an item whose id is '" + stored.id()
                    + "': the stored object was moved or renamed");
        }
        if (!envelope.keyName().equals(stored.keyName()) || envelope.keyVersion() != stored.keyVersion()) {
            throw new IntegrityException(where + " is labelled with key " + stored.keyRef()
                    + " but was sealed with " + envelope.keyName() + " v" + envelope.keyVersion()
                    + ": the item was relabelled");
        }
        byte[] plaintext;
        try {
            plaintext = envelope.open(dataKey, binding(bag, pathId, stored.keyRef()));
        } catch (IntegrityException e) {
            throw new IntegrityException(where + " failed its integrity check (" + e.getMessage()
                    + "): it was altered, moved from another path, or sealed with another key");
        }
        try {
            ItemDocument document = ItemDocument.parse(plaintext, where + " (decrypted)");
            if (!document.id().equals(pathId)) {
                throw new IntegrityException(where + " decrypts to an item with id '" + document.id() + "'");
            }
            return document;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The envelope of a stored item; a malformed one is reported naming the item. */
    private static Envelope decode(String where, StoredItem stored) {
        try {
            return EnvelopeCodec.decode(stored.encryptedData());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }

    /** Refuses a format below {@code min_item_format}; reports a format-1 item where the profile writes bound ones. */
    private void checkFormat(String where, EnvelopeVersion version) {
        int format = Integer.parseInt(version.wire());
        if (format < minItemFormat) {
            throw new IntegrityException(where + " is in item format " + format + ", which is not bound to its path, "
                    + "and min_item_format = " + minItemFormat + " refuses it", Hint.of("restore it from a backup, or if "
                    + "you trust it, re-encrypt it with {} under min_item_format = " + format,
                    Hint.command("bulk re-encrypt")));
        }
        if (version == EnvelopeVersion.V1 && writeVersion != EnvelopeVersion.V1) {
            notices.version1Item(where);
        }
    }

    private ItemBinding binding(String bag, String id, KeyRef key) {
        return new ItemBinding(layout.tier(), layout.folder(), bag, id, key.name(), key.version());
    }

    private String describe(String bag, String id) {
        return "item " + bag + "/" + id + " (" + layout.itemKey(bag, id) + ")";
    }
}

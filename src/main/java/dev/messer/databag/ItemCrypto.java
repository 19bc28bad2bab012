package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.InvalidInputException;
import dev.messer.keys.KeyRef;
import dev.messer.store.StoreNotices;
import java.util.Arrays;

/** Seals a plaintext item into a {@link StoredItem} for one place in the layout, and opens it again. */
public final class ItemCrypto {

    private final SecretsLayout layout;
    private final int minItemFormat;
    private final EnvelopeVersion writeVersion;
    private final StoreNotices notices;

    public ItemCrypto(SecretsLayout layout) {
        this(layout, 1, EnvelopeVersion.V1, StoreNotices.NONE);
    }

    /**
     * @param minItemFormat the lowest item format opened ({@code min_item_format}); older ones are refused
     * @param writeVersion  the format this profile writes: opening an older one is reported to {@code notices}
     */
    public ItemCrypto(SecretsLayout layout, int minItemFormat, EnvelopeVersion writeVersion, StoreNotices notices) {
        this.layout = layout;
        this.minItemFormat = minItemFormat;
        this.writeVersion = writeVersion;
        this.notices = notices;
    }

    public StoredItem seal(String bag, ItemDocument item, KeyRef key, DataKey dataKey, EnvelopeVersion version) {
        byte[] plaintext = item.toPlaintext();
        try {
            Envelope envelope = Envelope.seal(version, dataKey, plaintext, binding(bag, item.id(), key));
            return new StoredItem(item.id(), EnvelopeCodec.encode(envelope), key.name(), key.version());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Decrypts a stored item found at {@code bag/pathId} and checks that it belongs there.
     *
     * @throws IntegrityException if it was altered, moved, relabelled, or its id disagrees with its path
     */
    public ItemDocument open(String bag, String pathId, StoredItem stored, DataKey dataKey) {
        String where = describe(bag, pathId);
        if (!stored.id().equals(pathId)) {
            throw new IntegrityException(where + " holds an item whose id is '" + stored.id()
                    + "': the stored object was moved or renamed");
        }
        Envelope envelope = decode(where, stored);
        checkFormat(where, envelope.version());
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

    /**
     * Messer's {@code show --decrypt} view: the stored {@code id}, {@code key_name} and {@code key_version},
     * then the item's fields; an item field of one of those names replaces its value in place.
     */
    public static JsonObject decryptedView(StoredItem stored, ItemDocument document) {
        JsonObject view = stored.publicFields();
        for (var entry : document.json().entrySet()) {
            JsonElement value = entry.getValue();
            view.add(entry.getKey(), value);
        }
        return view;
    }

    /** {@link #open} checks this too; call it first to refuse an item before its key is unwrapped. */
    public void checkFormat(String bag, String pathId, StoredItem stored) {
        String where = describe(bag, pathId);
        checkFormat(where, decode(where, stored).version());
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

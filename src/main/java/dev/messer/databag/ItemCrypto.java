package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.crypto.DataKey;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeCodec;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import dev.messer.error.IntegrityException;
import dev.messer.keys.KeyRef;
import java.util.Arrays;

/** Seals a plaintext item into a {@link StoredItem} for one place in the layout, and opens it again. */
public final class ItemCrypto {

    private final SecretsLayout layout;

    public ItemCrypto(SecretsLayout layout) {
        this.layout = layout;
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
        Envelope envelope = EnvelopeCodec.decode(stored.encryptedData());
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

    /** Messer's {@code show --decrypt} view: the stored fields with {@code encrypted_data} replaced by the item's fields. */
    public static JsonObject decryptedView(StoredItem stored, ItemDocument document) {
        JsonObject view = stored.publicFields();
        for (var entry : document.json().entrySet()) {
            JsonElement value = entry.getValue();
            view.add(entry.getKey(), value);
        }
        return view;
    }

    private ItemBinding binding(String bag, String id, KeyRef key) {
        return new ItemBinding(layout.tier(), layout.folder(), bag, id, key.name(), key.version());
    }

    private String describe(String bag, String id) {
        return "item " + bag + "/" + id + " (" + layout.itemKey(bag, id) + ")";
    }
}

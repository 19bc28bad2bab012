package dev.messer.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an item ciphertext belongs: its full path and the data key that sealed it. Version 2
 * envelopes authenticate {@link #toAssociatedData()}, so a ciphertext moved to another path or
 * relabelled with another key fails to decrypt. The byte layout is specified in docs/format.md.
 */
public record ItemBinding(String tier, String folder, String bag, String id, String keyName, int keyVersion) {

    static final byte[] LABEL = "messer/item/v2".getBytes(StandardCharsets.US_ASCII);

    public ItemBinding {
        tier = Objects.requireNonNullElse(tier, "");
        folder = Objects.requireNonNullElse(folder, "");
        Objects.requireNonNull(bag, "bag");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyName, "keyName");
    }

    public byte[] toAssociatedData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(LABEL, 0, LABEL.length);
        LengthPrefixed.write(out, tier);
        LengthPrefixed.write(out, folder);
        LengthPrefixed.write(out, bag);
        LengthPrefixed.write(out, id);
        LengthPrefixed.write(out, keyName);
        LengthPrefixed.write(out, Integer.toString(keyVersion));
        return out.toByteArray();
    }
}

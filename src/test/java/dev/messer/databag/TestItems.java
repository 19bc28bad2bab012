package dev.messer.databag;

import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** Items for tests, and uploads of one item. */
public final class TestItems {

    private TestItems() {
    }

    /** {@code {"id": ID, "password": VALUE}}. */
    public static ItemDocument withPassword(String id, String value) {
        return ItemDocument.parse(("{\"id\":\"" + id + "\",\"password\":\"" + value + "\"}")
                .getBytes(StandardCharsets.UTF_8), "test item");
    }

    /** Puts items {@code item0} to {@code item<count-1>}, each with password VALUE, through UPLOAD. */
    public static void putNumbered(BagUpload upload, int count, String value, boolean replace) {
        for (int i = 0; i < count; i++) {
            upload.put(withPassword("item" + i, value), replace);
        }
    }

    /**
     * Uploads one item as {@code data bag from file} does: one upload run of one item.
     *
     * @return the key version it was sealed with
     */
    public static KeyRef upload(ItemService items, String bag, ItemDocument item, String keyName, OptionalInt version,
                                boolean replace) {
        BagUpload upload = items.startUpload(bag, keyName, version);
        upload.put(item, replace);
        return upload.key();
    }
}

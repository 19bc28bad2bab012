package dev.messer.databag;

import java.nio.charset.StandardCharsets;

/** Items for tests that count what uploads cost, on any store. */
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
}

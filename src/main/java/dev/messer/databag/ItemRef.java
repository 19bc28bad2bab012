package dev.messer.databag;

import dev.messer.names.Names;
import dev.messer.error.InvalidInputException;

/** An item named across bags: {@code BAG/ITEM}, both parts following the name rule. */
public record ItemRef(String bag, String id) {

    public ItemRef {
        Names.check("bag name", bag);
        Names.check("item id", id);
    }

    /**
     * @throws Names.InvalidNameException if a part breaks the name rule
     * @throws InvalidInputException if the text is not two names joined by one {@code /}
     */
    public static ItemRef parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || text.indexOf('/', slash + 1) >= 0) {
            throw new Names.InvalidNameException("item reference '" + text + "' is not BAG/ITEM (for example app/db)");
        }
        return new ItemRef(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return bag + "/" + id;
    }
}

package dev.messer.databag;

import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;
import java.util.Optional;

/**
 * A reference to an item, or to one field of it: {@code BAG/ITEM} or {@code BAG/ITEM/PATH}, the
 * grammar the placeholders of {@code render} and the manifests of {@code check} share. The path is a
 * {@link FieldPath}, so it may hold further slashes.
 */
public record FieldRef(ItemRef item, Optional<FieldPath> path) {

    /**
     * @param requirePath true where only {@code BAG/ITEM/PATH} is accepted (a placeholder needs a value)
     * @throws InvalidInputException for text that is not a reference, naming it and giving an example
     */
    public static FieldRef parse(String text, boolean requirePath) {
        int first = text.indexOf('/');
        int second = first < 0 ? -1 : text.indexOf('/', first + 1);
        boolean itemOnly = first > 0 && second < 0 && first < text.length() - 1;
        if (itemOnly && !requirePath) {
            return new FieldRef(item(text, text.substring(0, first), text.substring(first + 1)), Optional.empty());
        }
        if (second < 0 || second == text.length() - 1) {
            throw new InvalidInputException("'" + Names.printable(text) + "' is not " + (requirePath ? "" : "BAG/ITEM or ")
                    + "BAG/ITEM/PATH (for example app/db/password)");
        }
        ItemRef item = item(text, text.substring(0, first), text.substring(first + 1, second));
        return new FieldRef(item, Optional.of(FieldPath.parse(text.substring(second + 1))));
    }

    private static ItemRef item(String text, String bag, String id) {
        try {
            return new ItemRef(bag, id);
        } catch (Names.InvalidNameException e) {
            throw new InvalidInputException("'" + Names.printable(text) + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return item + path.map(p -> "/" + p).orElse("");
    }
}

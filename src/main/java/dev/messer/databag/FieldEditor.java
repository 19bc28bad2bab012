package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.KeyRef;
import dev.messer.keys.KeyRing;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes some fields of an item and stores it again with the key it was sealed with, as a write
 * conditional on the version that was read: a concurrent change is a conflict, never a lost update.
 */
public final class FieldEditor {

    private final ItemService items;
    private final Bags bags;
    private final KeyRing ring;

    /** @param ring names the latest version of the key an item is created with */
    public FieldEditor(ItemService items, Bags bags, KeyRing ring) {
        this.items = items;
        this.bags = bags;
        this.ring = ring;
    }

    /**
     * Sets each path to its value.
     *
     * @param createWith when the item does not exist: the data key to create it with (its latest
     *                   version); empty to refuse
     * @return the key the item is sealed with
     */
    public KeyRef set(String bag, String id, Map<FieldPath, JsonElement> values, Optional<String> createWith) {
        for (FieldPath path : values.keySet()) {
            if (path.names().get(0).equals("id")) {
                throw new InvalidInputException("'id' cannot be set: it is the item's name; upload the item under the "
                        + "new id, then delete the old one");
            }
            if (ItemDocument.METADATA_FIELDS.contains(path.names().get(0))) {
                throw ItemDocument.metadataField("item " + bag + "/" + id, path.names().get(0));
            }
        }
        Optional<ItemService.Read> current = items.find(bag, id);
        if (current.isEmpty()) {
            if (!bags.bagExists(bag)) {
                throw bags.noBag(bag);
            }
            if (createWith.isEmpty()) {
                throw new NotFoundException("item " + id + " does not exist in data bag " + bag + "; add --create "
                        + "--secret-file KEY to create it");
            }
            JsonObject json = new JsonObject();
            json.addProperty("id", id);
            values.forEach((path, value) -> path.set(json, value));
            KeyRef key = new KeyRef(Names.check("key name", createWith.get()), ring.latest(createWith.get()));
            store(bag, id, json, key, Precondition.absent());
            return key;
        }
        ItemDocument document = items.open(bag, id, current.get());
        JsonObject json = document.json();
        values.forEach((path, value) -> path.set(json, value));
        KeyRef key = current.get().item().keyRef();
        store(bag, id, json, key, Precondition.unchanged(current.get()));
        return key;
    }

    /**
     * Removes each path; {@code id} cannot be removed.
     *
     * @throws NotFoundException naming the paths the item does not have (nothing is written)
     */
    public KeyRef unset(String bag, String id, List<FieldPath> paths) {
        for (FieldPath path : paths) {
            if (path.isId()) {
                throw new InvalidInputException("'id' cannot be removed: every item needs it");
            }
        }
        ItemService.Read current = items.read(bag, id);
        JsonObject json = items.open(bag, id, current).json();
        List<String> missing = new ArrayList<>();
        for (FieldPath path : paths) {
            if (!path.remove(json)) {
                missing.add(path.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("item " + bag + "/" + id + " has no field " + String.join(", ", missing),
                    Hint.of("nothing was changed (see {})", Hint.command("data bag show", bag, id, "--decrypt")));
        }
        KeyRef key = current.item().keyRef();
        store(bag, id, json, key, Precondition.unchanged(current));
        return key;
    }

    private void store(String bag, String id, JsonObject json, KeyRef key, Precondition precondition) {
        ItemDocument document = ItemDocument.of(json, "item " + bag + "/" + id);
        try {
            items.write(bag, document, key, precondition);
        } catch (ConflictException | AlreadyExistsException e) {
            throw new ConflictException("item " + bag + "/" + id + " was changed by someone else while this command "
                    + "ran; nothing was written: run the command again", e);
        }
    }
}

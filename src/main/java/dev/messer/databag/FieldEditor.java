package dev.messer.databag;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import dev.messer.keys.DataKeyCache;
import dev.messer.keys.KeyRef;
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

    private final DataBagService bags;

    public FieldEditor(DataBagService bags) {
        this.bags = bags;
    }

    /**
     * Sets each path to its value.
     *
     * @param createWith when the item does not exist: the data key to create it with (its latest
     *                   version); empty to refuse
     * @return the key the item is sealed with
     */
    public KeyRef set(String bag, String id, Map<FieldPath, JsonElement> values, Optional<String> createWith,
                      DataKeyCache keys) {
        for (FieldPath path : values.keySet()) {
            if (path.names().get(0).equals("id")) {
                throw new InvalidInputException("'id' cannot be set: it is the item's name; upload the item under the "
                        + "new id, then delete the old one");
            }
        }
        Optional<DataBagService.Read> current = bags.find(bag, id);
        if (current.isEmpty()) {
            if (!bags.bagExists(bag)) {
                bags.read(bag, id); // throws the message that names the missing bag and how to create it
            }
            if (createWith.isEmpty()) {
                throw new NotFoundException("item " + id + " does not exist in data bag " + bag + "; add --create "
                        + "--secret-file KEY to create it");
            }
            JsonObject json = new JsonObject();
            json.addProperty("id", id);
            values.forEach((path, value) -> path.set(json, value));
            KeyRef key = new KeyRef(Names.check("key name", createWith.get()), keys.ring().latest(createWith.get()));
            store(bag, id, json, key, keys, Optional.empty());
            return key;
        }
        ItemDocument document = bags.open(bag, id, current.get(), keys);
        JsonObject json = document.json();
        values.forEach((path, value) -> path.set(json, value));
        KeyRef key = current.get().item().keyRef();
        store(bag, id, json, key, keys, Optional.of(current.get().etag()));
        return key;
    }

    /**
     * Removes each path; {@code id} cannot be removed.
     *
     * @throws NotFoundException naming the paths the item does not have (nothing is written)
     */
    public KeyRef unset(String bag, String id, List<FieldPath> paths, DataKeyCache keys) {
        for (FieldPath path : paths) {
            if (path.isId()) {
                throw new InvalidInputException("'id' cannot be removed: every item needs it");
            }
        }
        DataBagService.Read current = bags.read(bag, id);
        JsonObject json = bags.open(bag, id, current, keys).json();
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
        store(bag, id, json, key, keys, Optional.of(current.etag()));
        return key;
    }

    private void store(String bag, String id, JsonObject json, KeyRef key, DataKeyCache keys, Optional<String> etag) {
        ItemDocument document = ItemDocument.of(json, "item " + bag + "/" + id);
        try {
            bags.write(bag, document, key, keys, etag);
        } catch (ConflictException | AlreadyExistsException e) {
            throw new ConflictException("item " + bag + "/" + id + " was changed by someone else while this command "
                    + "ran; nothing was written: run the command again", e);
        }
    }
}

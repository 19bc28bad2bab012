package dev.messer.databag;

import dev.messer.error.ConflictException;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import dev.messer.names.Names;
import dev.messer.store.BlobStore;
import dev.messer.store.StoreNotices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * The bags of the secrets bucket under the profile's tier and folder: folders with a marker object
 * ({@code <prefix><bag>/}) or with items. Names in the bucket that break the naming rule are left
 * out of every listing and reported to the notices.
 */
public final class Bags {

    private final BlobStore store;
    private final SecretsLayout layout;
    private final StoreNotices notices;

    /** @param notices hears about stored names that break the naming rule */
    public Bags(BlobStore store, SecretsLayout layout, StoreNotices notices) {
        this.store = store;
        this.layout = layout;
        this.notices = notices;
    }

    /** Creates the bag's folder marker. @return false if the bag already existed */
    public boolean createBag(String bag) {
        Names.check("bag name", bag);
        if (bagExists(bag)) {
            return false;
        }
        store.put(layout.bagMarker(bag), new byte[0], Map.of());
        return true;
    }

    public boolean bagExists(String bag) {
        Names.check("bag name", bag);
        String marker = layout.bagMarker(bag);
        // the marker answers in one request; only bags made without one (by hand) need a listing
        return store.get(marker).isPresent() || !store.list(marker).isEmpty();
    }

    /** Bag names under the tier/folder prefix: folders with a marker or with items. */
    public List<String> listBags() {
        String prefix = layout.bagsPrefix();
        TreeSet<String> bags = new TreeSet<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.indexOf('/', slash + 1) < 0) {
                bags.add(rest.substring(0, slash));
            }
        }
        return new ArrayList<>(validOnly("bag name", bags));
    }

    /**
     * Every item under the tier/folder prefix, from one listing of the prefix: hands each to
     * {@code each} as {@code (bag, id)} while the store pages through it, holding none of them, and
     * returns the bags (those without items included). Names that break the naming rule are left out
     * and reported once the listing is done, as a sorted listing would meet them: the bags' names
     * first, by name, then the items', bag by bag.
     */
    public SortedSet<String> forEachItem(BiConsumer<String, String> each) {
        return scan((bag, id) -> {
            each.accept(bag, id);
            return true;
        });
    }

    /**
     * Whether any bag under the tier/folder prefix holds an item: the listing stops at the first one.
     * The names that break the naming rule met before it are reported.
     */
    public boolean hasItems() {
        boolean[] found = new boolean[1];
        scan((bag, id) -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /** Hands items to {@code each} until it answers false; returns the valid bags met. */
    private SortedSet<String> scan(BiPredicate<String, String> each) {
        String prefix = layout.bagsPrefix();
        SortedSet<String> valid = new TreeSet<>();
        SortedSet<String> invalidBags = new TreeSet<>();
        SortedMap<String, List<String>> invalidIds = new TreeMap<>();
        store.forEachKey(prefix, key -> {
            String rest = key.substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
                return true;
            }
            String bag = rest.substring(0, slash);
            String id = rest.substring(slash + 1);
            if (!valid.contains(bag)) {
                if (!Names.isValid(bag)) {
                    invalidBags.add(bag);
                    return true;
                }
                valid.add(bag);
            }
            if (id.isEmpty()) {
                return true;
            }
            if (Names.isValid(id)) {
                return each.test(bag, id);
            }
            invalidIds.computeIfAbsent(bag, b -> new ArrayList<>()).add(id);
            return true;
        });
        invalidBags.forEach(bag -> notices.invalidName("bag name", Names.escaped(bag), store.describe()));
        invalidIds.forEach((bag, ids) -> ids.forEach(id ->
                notices.invalidName("item id", Names.escaped(id), store.describe())));
        return valid;
    }

    /** Item ids in a bag. @throws NotFoundException if the bag does not exist */
    public List<String> listItems(String bag) {
        requireBag(bag);
        String prefix = layout.bagMarker(bag);
        List<String> items = new ArrayList<>();
        for (String key : store.list(prefix)) {
            String rest = key.substring(prefix.length());
            if (!rest.isEmpty() && !rest.contains("/")) {
                items.add(rest);
            }
        }
        return new ArrayList<>(validOnly("item id", items));
    }

    /** Deletes an empty bag. @throws ConflictException naming the items if it is not empty */
    public void deleteBag(String bag) {
        List<String> items = listItems(bag);
        if (!items.isEmpty()) {
            throw new ConflictException("data bag " + bag + " is not empty (" + String.join(", ", items) + ")",
                    Hint.of("delete its items first, or the bag with its items: {}",
                            Hint.command("data bag delete", bag, "--recursive")));
        }
        store.delete(layout.bagMarker(bag));
    }

    void requireBag(String bag) {
        if (!bagExists(bag)) {
            throw noBag(bag);
        }
    }

    NotFoundException noBag(String bag) {
        return new NotFoundException("data bag " + bag + " (" + layout.bagMarker(bag) + ") does not exist in "
                + store.describe(), Hint.of("create it with {}", Hint.command("data bag create", bag)));
    }

    /** Leaves out the names that break the naming rule, reporting each once, escaped. */
    private List<String> validOnly(String what, Collection<String> names) {
        List<String> valid = new ArrayList<>();
        for (String name : names) {
            if (Names.isValid(name)) {
                valid.add(name);
            } else {
                notices.invalidName(what, Names.escaped(name), store.describe());
            }
        }
        return valid;
    }
}

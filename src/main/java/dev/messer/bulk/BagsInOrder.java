package dev.messer.bulk;

import dev.messer.databag.Bags;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedSet;

/**
 * Every bag under the profile's prefix by name, each followed by its items in the store's listing
 * order, from one listing, holding on the heap only the bags' names and counts, so that
 * {@code bulk list} prints any number of items in a fixed amount of memory.
 * The items wait in a {@link Spill} (names only). A bag's items arrive together, but the listing
 * orders bags by {@code name/}: {@code a-b} and {@code a.b} come before {@code a}, which sorts first by
 * name. Items of a bag that arrives before its turn are set aside in a spill of their own until the
 * bags before it are done.
 */
public final class BagsInOrder {

    /** Receives the bags in order, each bag before its items. */
    public interface Visitor {
        void bag(String name);

        void item(String bag, String id);
    }

    private final Visitor visitor;
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Spill<ItemPath>> setAside = new HashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private int left;

    private BagsInOrder(Visitor visitor) {
        this.visitor = visitor;
    }

    /** Lists {@code bags} once and hands every bag and item to {@code visitor}, bags sorted by name. */
    public static void visit(Bags bags, Visitor visitor) {
        new BagsInOrder(visitor).run(bags);
    }

    private void run(Bags bags) {
        try (Spill<ItemPath> items = Spill.in(Spill.defaultFolder(), ItemListing.PATHS)) {
            SortedSet<String> names = bags.forEachItem((bag, id) -> {
                items.add(new ItemPath(bag, id));
                counts.computeIfAbsent(bag, b -> new int[1])[0]++;
            });
            pending.addAll(names);
            next();
            for (Iterator<ItemPath> it = items.iterator(); it.hasNext(); ) {
                ItemPath item = it.next();
                if (item.bag().equals(pending.peekFirst())) {
                    print(item);
                } else {
                    setAside.computeIfAbsent(item.bag(), b -> Spill.in(Spill.defaultFolder(), ItemListing.PATHS)).add(item);
                }
            }
        } finally {
            setAside.values().forEach(Spill::close);
        }
    }

    private void print(ItemPath item) {
        visitor.item(item.bag(), item.id());
        if (--left == 0) {
            pending.removeFirst();
            next();
        }
    }

    /** Starts the bag whose turn it is: its name, then what was set aside for it; empty bags pass at once. */
    private void next() {
        while (!pending.isEmpty()) {
            String bag = pending.peekFirst();
            visitor.bag(bag);
            int[] count = counts.get(bag);
            left = count == null ? 0 : count[0];
            if (left == 0) {
                pending.removeFirst();
                continue;
            }
            Spill<ItemPath> waiting = setAside.remove(bag);
            if (waiting == null) {
                return;
            }
            try (waiting) {
                for (ItemPath item : waiting) {
                    visitor.item(item.bag(), item.id());
                }
            }
            left -= waiting.size();
            if (left > 0) { // a bag's items arrive together: a part set aside is the whole bag
                throw new IllegalStateException("the listing split bag " + bag);
            }
            pending.removeFirst();
        }
    }
}

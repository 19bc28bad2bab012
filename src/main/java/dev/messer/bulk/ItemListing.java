package dev.messer.bulk;

import dev.messer.databag.Bags;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SortedSet;
import java.util.function.Predicate;

/**
 * The items in scope of a bulk run, from one listing of the prefix (paged through by the store),
 * kept in the run's {@link Spill} rather than on the heap: their paths, and the bags.
 *
 * @param bags the bags under the prefix, those without items included
 */
record ItemListing(Spill<ItemPath> items, SortedSet<String> bags) {

    static final Spill.Codec<ItemPath> PATHS = new Spill.Codec<>() {
        @Override
        public void write(DataOutput out, ItemPath path) throws IOException {
            out.writeUTF(path.bag());
            out.writeUTF(path.id());
        }

        @Override
        public ItemPath read(DataInput in) throws IOException {
            return new ItemPath(in.readUTF(), in.readUTF());
        }
    };

    static ItemListing of(Bags bags, BulkRun run) {
        ItemListing listing = of(bags, run.spill(PATHS), bag -> true);
        run.listed(listing.size());
        return listing;
    }

    /** Lists {@code bags} once into {@code items}, keeping the bags {@code inScope} and their items. */
    static ItemListing of(Bags bags, Spill<ItemPath> items, Predicate<String> inScope) {
        SortedSet<String> names = bags.forEachItem((bag, id) -> {
            if (inScope.test(bag)) {
                items.add(new ItemPath(bag, id));
            }
        });
        names.removeIf(inScope.negate());
        return new ItemListing(items, names);
    }

    int size() {
        return items.size();
    }
}

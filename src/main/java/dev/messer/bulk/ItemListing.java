package dev.messer.bulk;

import dev.messer.databag.Bags;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SortedSet;

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
        Spill<ItemPath> items = run.spill(PATHS);
        SortedSet<String> names = bags.forEachItem((bag, id) -> items.add(new ItemPath(bag, id)));
        run.listed(items.size());
        return new ItemListing(items, names);
    }

    int size() {
        return items.size();
    }
}

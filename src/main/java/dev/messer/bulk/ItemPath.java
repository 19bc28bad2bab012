package dev.messer.bulk;

/** Where one item lives: its bag and id. */
public record ItemPath(String bag, String id) implements Comparable<ItemPath> {

    @Override
    public int compareTo(ItemPath other) {
        int byBag = bag.compareTo(other.bag);
        return byBag != 0 ? byBag : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return bag + "/" + id;
    }
}

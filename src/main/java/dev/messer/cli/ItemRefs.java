package dev.messer.cli;

import dev.messer.databag.ItemRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The items a command names after its provider word: references ({@code BAG/ITEM ...}, any bags),
 * or, where a command keeps Messer's older form, one bag followed by item ids ({@code BAG ITEM ...}).
 * The two forms are not mixed: if one word holds a {@code /}, all of them must.
 */
final class ItemRefs {

    private ItemRefs() {
    }

    static boolean anyReference(List<String> words) {
        return words.stream().anyMatch(w -> w.contains("/"));
    }

    /**
     * {@code BAG/ITEM ...} only.
     *
     * @param usage how the words are given, for messages; null for the command's usage line
     * @throws UsageException for a word that is not a reference
     */
    static List<ItemRef> references(List<String> words, String usage) {
        if (words.isEmpty()) {
            throw usageError("no items named: give one or more BAG/ITEM", usage);
        }
        List<ItemRef> refs = new ArrayList<>();
        for (String word : words) {
            if (!word.contains("/")) {
                throw usageError("'" + word + "' is not an item reference: name items as BAG/ITEM (for example"
                        + " app/" + word + ")", usage);
            }
            refs.add(ItemRef.parse(word));
        }
        return once(refs, usage);
    }

    /**
     * {@code BAG/ITEM ...}, or {@code BAG ITEM ...} when no word holds a {@code /}.
     *
     * @throws UsageException when the two forms are mixed, or a bag is given without items
     */
    static List<ItemRef> referencesOrBagAndIds(List<String> words, String usage) {
        if (anyReference(words)) {
            for (String word : words) {
                if (!word.contains("/")) {
                    throw usageError("'" + word + "' is not BAG/ITEM but other words are: name every item as"
                            + " BAG/ITEM, or give one BAG followed by item ids", usage);
                }
            }
            return references(words, usage);
        }
        if (words.size() < 2) {
            throw usageError("missing arguments: give BAG/ITEM references, or a BAG and its item ids", usage);
        }
        List<ItemRef> refs = new ArrayList<>();
        for (String id : words.subList(1, words.size())) {
            refs.add(new ItemRef(words.get(0), id));
        }
        return once(refs, usage);
    }

    /** @throws UsageException naming an item given twice, which would clash with itself field by field */
    private static List<ItemRef> once(List<ItemRef> refs, String usage) {
        Set<ItemRef> seen = new HashSet<>();
        for (ItemRef ref : refs) {
            if (!seen.add(ref)) {
                throw usageError("item " + ref + " is named twice; name each item once", usage);
            }
        }
        return refs;
    }

    private static UsageException usageError(String problem, String usage) {
        return usage == null ? UsageException.withUsage(problem) : new UsageException(problem + "; usage: " + usage);
    }
}

package dev.messer.estate;

import dev.messer.databag.Bags;
import dev.messer.databag.ItemService;
import dev.messer.keys.KeyRing;
import dev.messer.store.BlobStore;

/**
 * One tier as the estate commands read it: a profile's bags, items and keys.
 *
 * @param profile       the profile's name, or null for the default profile
 * @param tier          the profile's tier ("" when it has none)
 * @param where         the secrets bucket, for the report ({@code s3://bucket/dev} or a folder)
 * @param identity      who reads it: the caller ARN on AWS, user@host on local
 * @param keys          the keys bucket, whose objects' metadata gives each version's creation time
 * @param itemFormat    the item format the profile writes ({@code item_format})
 * @param minItemFormat the oldest item format the profile opens ({@code min_item_format})
 */
public record TierSource(String profile, String tier, String where, String identity, Bags bags, ItemService items, KeyRing keyRing,
                         BlobStore keys, int itemFormat, int minItemFormat) {

    /** The profile's name as reports print it. */
    public String label() {
        return profile == null ? "(default)" : profile;
    }
}

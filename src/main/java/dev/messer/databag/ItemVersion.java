package dev.messer.databag;

import dev.messer.names.Names;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of an item's history, without any value: the store's version id, when and by whom it
 * was written, the data key and envelope format it was sealed with, and its size. A deletion has
 * no key, format or writer; so has a version that could not be read as an item.
 *
 * <p>The version id and the writer are whatever the store holds, and whoever may write the bucket
 * chooses them: they are kept {@link Names#escaped}, so that no table or message puts a control
 * character on a terminal. The key name comes from {@link StoredItem#parse}, which refuses bad ones.
 */
public record ItemVersion(String version, Instant time, Optional<String> writer, Optional<String> keyName,
                          OptionalInt keyVersion, OptionalInt itemFormat, long size, boolean deleted) {

    public ItemVersion {
        version = Names.escaped(version);
        writer = writer.map(Names::escaped);
    }
}

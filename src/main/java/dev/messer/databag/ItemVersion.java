package dev.messer.databag;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of an item's history, without any value: the store's version id, when and by whom it
 * was written, the data key and envelope format it was sealed with, and its size. A deletion has
 * no key, format or writer; so has a version that could not be read as an item.
 */
public record ItemVersion(String version, Instant time, Optional<String> writer, Optional<String> keyName,
                          OptionalInt keyVersion, OptionalInt itemFormat, long size, boolean deleted) {
}

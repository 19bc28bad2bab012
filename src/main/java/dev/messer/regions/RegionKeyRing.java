package dev.messer.regions;

import dev.messer.keys.KeyRing;

/** The data keys of one region: its keys bucket, wrapped by its own master key. */
public record RegionKeyRing(String region, KeyRing ring) {
}

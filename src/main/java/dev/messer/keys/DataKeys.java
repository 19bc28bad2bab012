package dev.messer.keys;

import dev.messer.crypto.DataKey;

/**
 * The data keys of one profile, by version. A key handed out is the caller's to close when it is
 * done with it (try-with-resources); {@link #close()} wipes every key still out as well.
 *
 * <p>{@link KeyRing} unwraps on every call; {@link CachingDataKeys} wraps it so that each version is
 * unwrapped once however many items or threads ask, and hands out copies.
 */
public interface DataKeys extends AutoCloseable {

    /**
     * The key that opens what {@code ref} sealed.
     *
     * @throws dev.messer.error.NotFoundException  if the version does not exist or was deleted
     * @throws dev.messer.error.IntegrityException if the stored version breaks the profile's {@link KeyTrust}
     */
    DataKey forReading(KeyRef ref);

    /**
     * The key to seal with: as {@link #forReading}, and refuses a version this profile must not write
     * with ({@link KeyTrust}'s write rule).
     */
    DataKey forWriting(KeyRef ref);

    /** Wipes every key handed out; asking for a key afterwards is refused. */
    @Override
    void close();
}

package dev.messer.keys;

import dev.messer.crypto.DataKey;

/** {@link DataKeys} that answer every version with one key the test owns (closing them wipes nothing). */
public final class FixedDataKeys implements DataKeys {

    private final DataKey key;

    public FixedDataKeys(DataKey key) {
        this.key = key;
    }

    @Override
    public DataKey forReading(KeyRef ref) {
        return key;
    }

    @Override
    public DataKey forWriting(KeyRef ref) {
        return key;
    }

    @Override
    public void close() {
    }
}

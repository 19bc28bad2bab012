package dev.messer.keys;

import dev.messer.crypto.DataKey;

/** {@link DataKeys} that answer every version with a copy of one key the test owns (the caller closes the copy). */
public final class FixedDataKeys implements DataKeys {

    private final DataKey key;

    public FixedDataKeys(DataKey key) {
        this.key = key;
    }

    @Override
    public DataKey forReading(KeyRef ref) {
        return key.copyUnlessWiped().orElseThrow(() -> new IllegalStateException("the test's key was wiped"));
    }

    @Override
    public DataKey forWriting(KeyRef ref) {
        return forReading(ref);
    }

    @Override
    public void close() {
    }
}

package dev.messer.masterkey;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The master keys a keys bucket's versions may be wrapped by: the profile's own ({@code master_key})
 * and, by name, any other of the same provider (a KMS alias in the profile's region, a key file
 * under {@code local_root/master-keys}). Each version records the name of the key that wrapped it,
 * so that a bucket half moved to another master key still reads.
 */
public final class MasterKeys {

    private final Supplier<String> currentName;
    private final Supplier<MasterKey> current;
    private final Function<String, MasterKey> named;

    /**
     * @param currentName the profile's master key name, as versions record it; resolved on first use
     * @param current     the profile's master key, resolved on first use
     * @param named       opens another master key by name (asked only for names other than the current one)
     */
    public MasterKeys(Supplier<String> currentName, Supplier<MasterKey> current, Function<String, MasterKey> named) {
        this.currentName = currentName;
        this.current = current;
        this.named = named;
    }

    /** One master key whose name is unknown: versions record none, and every version unwraps with it. */
    public static MasterKeys only(Supplier<MasterKey> key) {
        return new MasterKeys(() -> null, key, name -> key.get());
    }

    /** The name recorded with versions this profile writes; null when it records none. */
    public String currentName() {
        return currentName.get();
    }

    public MasterKey current() {
        return current.get();
    }

    /** The key of that name: the profile's own when the name is its name, or null (nothing recorded). */
    public MasterKey named(String name) {
        if (name == null || Objects.equals(name, currentName())) {
            return current();
        }
        return named.apply(name);
    }
}

package dev.messer.library;

import com.google.gson.JsonObject;
import dev.messer.app.Session;
import dev.messer.cli.Hints;
import dev.messer.config.Settings;
import dev.messer.databag.FieldPath;
import dev.messer.error.MesserException;
import dev.messer.error.NotFoundException;
import dev.messer.output.FieldText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One open profile, for a JVM service: reads and lists items through the command line's item
 * service, so every rule of the commands applies ({@code min_item_format}, the encryption context,
 * the size cap, name checks). Each data key version is unwrapped once and kept within the bounds of
 * {@link Messer#dataKeyCache} (by default {@value Messer#DATA_KEY_CACHE_MAX_KEYS} keys, each for an
 * hour); {@link #close()} wipes every key. Safe for use by many threads. Failures are the commands' typed exceptions
 * ({@link MesserException} and its subclasses) with one-line messages that name no secret and
 * whose fixes are written for this profile (its provider, {@code --profile} and {@code -c}), as
 * {@link #message} writes them. Made by {@link Messer#open()}.
 */
public final class MesserClient implements AutoCloseable {

    private final Session<?> session;

    MesserClient(Session<?> session) {
        this.session = session;
    }

    /**
     * The decrypted item, as a JSON tree (a copy the caller may change).
     *
     * @throws NotFoundException if the bag or the item does not exist
     */
    public JsonObject item(String bag, String id) {
        return read(() -> session.items().open(bag, id).document().json().deepCopy());
    }

    /**
     * The decrypted item's fields by field path ({@code db.password}, {@code db.hosts[0]}), without
     * {@code id}, in the item's order.
     *
     * @throws NotFoundException if the bag or the item does not exist
     */
    public Map<String, String> fields(String bag, String id) {
        return read(() -> FieldMap.of(session.items().open(bag, id).document().json()));
    }

    /**
     * One field of the decrypted item by field path ({@code password}, {@code db.password}); an
     * object or array field as JSON text.
     *
     * @return empty if the item has no such field
     * @throws NotFoundException if the bag or the item does not exist
     */
    public Optional<String> field(String bag, String id, String path) {
        return read(() -> FieldPath.parse(path).get(session.items().open(bag, id).document().json()).map(FieldText::of));
    }

    /** The bags of the profile, sorted. */
    public List<String> bags() {
        return read(() -> session.bags().listBags());
    }

    /** The item ids of a bag, sorted. @throws NotFoundException if the bag does not exist */
    public List<String> items(String bag) {
        return read(() -> session.bags().listItems(bag));
    }

    /** The profile this client reads, or null when the settings came from code or the legacy sections. */
    public String profile() {
        return session.settings().profileName();
    }

    /** How many times a data key was unwrapped by the master key (KMS calls on AWS) so far. */
    public int unwrapCount() {
        return session.dataKeys().unwrapCount();
    }

    /**
     * The failure's one-line message with its fix rendered for this profile: each command line names
     * the provider, {@code --profile} and {@code -c}, so that it runs as written.
     */
    public String message(MesserException failure) {
        return hints(session.settings()).message(failure);
    }

    /** The hints of {@code settings}: each command line names their provider, {@code --profile} and {@code -c}. */
    static Hints hints(Settings settings) {
        return new Hints(settings.provider().word(), settings.profileName(),
                settings.configFile() == null ? null : settings.configFile().toString());
    }

    /** Runs a read; a failure leaves with its fix rendered for this profile (no {@code <provider>}). */
    private <T> T read(Supplier<T> call) {
        try {
            return call.get();
        } catch (MesserException failure) {
            throw failure.withCommandLines(hints(session.settings())::commandLine);
        }
    }

    /** Wipes every unwrapped data key and closes the clients. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "MesserClient[" + session.settings().provider().word() + " profile " + profile() + "]";
    }
}

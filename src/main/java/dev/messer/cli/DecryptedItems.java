package dev.messer.cli;

import dev.messer.databag.ConcurrentReads;
import dev.messer.databag.ItemRef;
import dev.messer.databag.ItemService;
import dev.messer.output.DecryptedItem;
import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.error.UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Reads and decrypts items into what the output formatters, {@code exec} and {@code render} work on.
 * Without a terminal (a pipeline) the reads of a command end within {@link #DEADLINE} in all: each
 * AWS call has its own limit ({@code api_call_timeout}), and this one bounds the calls of a read
 * together, so a pipeline waits at most this long for a store or master key that answers slowly.
 * On a terminal there is no such bound, since a read may wait for the user to type an MFA code or a
 * passphrase, and the user can stop it.
 */
final class DecryptedItems {

    /** The total time of one command's item reads (the item, its data key, the unwrap). */
    static final Duration DEADLINE = Duration.ofSeconds(15);

    private DecryptedItems() {
    }

    static DecryptedItem read(Console console, Session<?> session, String bag, String id) {
        return bounded(console, session, bag + "/" + id, () -> of(bag + "/" + id, session.items().open(bag, id)));
    }

    /** Several items of one session, read concurrently, in the order given. */
    static List<DecryptedItem> read(Console console, Session<?> session, List<ItemRef> refs) {
        String named = refs.size() == 1 ? refs.get(0).toString() : refs.size() + " items";
        List<ItemService.Opened> opened = bounded(console, session, named,
                () -> ConcurrentReads.open(session.items(), refs));
        return java.util.stream.IntStream.range(0, refs.size())
                .mapToObj(i -> of(refs.get(i).toString(), opened.get(i)))
                .toList();
    }

    private static <T> T bounded(Console console, Session<?> session, String what, Callable<T> read) {
        if (console.terminal().interactive()) {
            try {
                return read.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return TimeLimit.required(DEADLINE, () -> late(session, what), read);
    }

    private static UnavailableException late(Session<?> session, String what) {
        return new UnavailableException("reading " + what + " from " + session.backend().secrets().describe()
                + " took longer than " + DEADLINE.toSeconds() + " s: the store or the master key answers too slowly",
                Hint.of("check the endpoints and credentials with {}", Hint.command("doctor")));
    }

    /** One kept version of the item, decrypted at the item's own path. */
    static DecryptedItem readVersion(Session<?> session, String bag, String id, String version) {
        return of(bag + "/" + id, session.history().openVersion(bag, id, version));
    }

    private static DecryptedItem of(String name, ItemService.Opened opened) {
        StartupTrace.mark("item read");
        DecryptedItem item = DecryptedItem.of(name, opened.read().item(), opened.document());
        StartupTrace.mark("item decrypted");
        return item;
    }
}

package dev.messer.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.error.MesserException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link BlobStore} keeps when a write or a deletion is cut short after any one of its
 * steps: a write that fails leaves no trace in the history, a deletion is recorded only once the
 * object is gone, the newest kept version holds what the object holds, and no version holds a value
 * the object never held. Each implementation says what a step is (a file operation, a request) and
 * makes one fail; {@link #checkTrueHistory} also judges stores whose writer was killed.
 */
public abstract class InterruptedWriteContract {

    private static final int MAX_STEPS = 64;

    /** The bucket, through a store whose every step works (and which may finish what others left). */
    protected abstract BlobStore store();

    /** The bucket the operations are prepared in; the same as {@link #store()} unless overridden. */
    protected BlobStore preparingStore() {
        return store();
    }

    /**
     * The same bucket through a store whose {@code step}-th step (counted from 1) fails, and with
     * {@code andLater} every step after it too, as on a dead disk.
     */
    protected abstract Faulty failingAt(int step, boolean andLater);

    /** A store with a fault, and whether the fault was reached. */
    public record Faulty(BlobStore store, BooleanSupplier struck) {
    }

    /** The operations that change history, each on a key of its own. */
    public enum Operation {
        CREATE, REPLACE, PUT_IF_ABSENT, PUT_IF_MATCH, RECREATE, DELETE;

        /** Writes what comes before the operation; returns the values the object held. */
        public Set<String> prepare(BlobStore store, String key) {
            Set<String> held = new HashSet<>();
            if (this == REPLACE || this == PUT_IF_MATCH || this == RECREATE || this == DELETE) {
                for (String value : List.of("first of " + key, "second of " + key)) {
                    store.put(key, bytes(value), Map.of("writer", "preparation"));
                    held.add(value);
                }
            }
            if (this == RECREATE) {
                store.delete(key);
            }
            return held;
        }

        /** Runs the operation through {@code store}; {@code reader} reads what a conditional write needs. */
        public void run(BlobStore store, String key, byte[] value, BlobStore reader) {
            switch (this) {
                case CREATE, REPLACE -> store.put(key, value, Map.of("writer", "operation"));
                case PUT_IF_ABSENT, RECREATE -> store.putIfAbsent(key, value, Map.of("writer", "operation"));
                case PUT_IF_MATCH -> store.putIfMatch(key, value, Map.of("writer", "operation"),
                        reader.get(key).orElseThrow().etag());
                case DELETE -> store.delete(key);
            }
        }

        public boolean deletes() {
            return this == DELETE;
        }
    }

    /** What a store held before an operation. */
    public record Before(Optional<String> object, List<String> versions, Set<String> held) {

        public static Before of(BlobStore store, String key, Set<String> held) {
            return new Before(value(store, key), ids(store, key), held);
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void operationCutShortAfterAnyStep_leavesATrueHistory(Operation operation) {
        for (boolean andLater : new boolean[] {false, true}) {
            for (int step = 1; ; step++) {
                assertThat(step).as("steps of %s", operation).isLessThan(MAX_STEPS);
                String key = "bag/" + operation.name().toLowerCase() + "-" + step + (andLater ? "-on" : "-once");
                Before before = Before.of(store(), key, operation.prepare(preparingStore(), key));
                Faulty faulty = failingAt(step, andLater);
                byte[] value = bytes("written by " + key);
                boolean completed;
                try {
                    operation.run(faulty.store(), key, value, store());
                    completed = true;
                } catch (MesserException e) {
                    completed = false;
                }
                checkTrueHistory(store(), operation, key, before, value, Optional.of(completed));
                if (!faulty.struck().getAsBoolean()) {
                    assertThat(completed).as("%s with no fault", operation).isTrue();
                    break;
                }
            }
        }
    }

    /**
     * Judges the history after {@code operation} ran, was cut short, or was killed ({@code completed}
     * empty: then either outcome may be true, but the history must tell the one that is).
     */
    public static void checkTrueHistory(BlobStore store, Operation operation, String key, Before before, byte[] value,
            Optional<Boolean> completed) {
        Optional<String> after = operation.deletes() ? Optional.empty() : Optional.of(text(value));
        Optional<String> object = value(store, key);
        List<String> versions = ids(store, key);
        String context = operation + " on " + key + " (completed: " + completed.map(String::valueOf).orElse("killed") + ")";
        if (completed.isPresent()) {
            assertThat(object).as("the object after %s", context).isEqualTo(completed.get() ? after : before.object());
        } else {
            assertThat(object).as("the object after %s", context).isIn(before.object(), after);
        }
        if (object.equals(before.object())) {
            assertThat(versions).as("the history after %s, which did not happen", context).isEqualTo(before.versions());
        } else {
            assertThat(versions).as("the history after %s", context).isNotEmpty().doesNotHaveDuplicates();
            assertThat(versions.get(0)).as("the newest version after %s", context).isNotIn(before.versions())
                    .endsWith(operation.deletes() ? "deleted" : "kept");
            List<String> older = versions.subList(1, versions.size());
            assertThat(older).as("the versions below the new one after %s (the oldest may be dropped)", context)
                    .isEqualTo(before.versions().subList(0, Math.min(older.size(), before.versions().size())));
        }
        Set<String> held = new HashSet<>(before.held());
        object.ifPresent(held::add);
        List<BlobVersion> listed = store.versions(key).versions();
        if (object.isPresent()) {
            assertThat(listed).as("versions after %s", context).isNotEmpty();
            assertThat(listed.get(0).deleted()).as("the newest version after %s is a deletion", context).isFalse();
            assertThat(text(store.getVersion(key, listed.get(0).id()).orElseThrow().content()))
                    .as("the newest version after %s", context).isEqualTo(object.get());
        } else if (!listed.isEmpty()) {
            assertThat(listed.get(0).deleted()).as("the newest version of the absent object after %s", context).isTrue();
        }
        for (BlobVersion v : listed) {
            if (!v.deleted()) {
                assertThat(held).as("version %s after %s", v.id(), context)
                        .contains(text(store.getVersion(key, v.id()).orElseThrow().content()));
            }
        }
        long deletions = listed.stream().filter(BlobVersion::deleted).count();
        long deletionsBefore = before.versions().stream().filter(v -> v.endsWith("deleted")).count();
        assertThat(deletions).as("deletion records after %s", context)
                .isLessThanOrEqualTo(deletionsBefore + (operation.deletes() && object.isEmpty() ? 1 : 0));
    }

    private static Optional<String> value(BlobStore store, String key) {
        return store.get(key).map(blob -> text(blob.content()));
    }

    /** The versions as {@code id kept} or {@code id deleted}, newest first. */
    private static List<String> ids(BlobStore store, String key) {
        return store.versions(key).versions().stream().map(v -> v.id() + (v.deleted() ? " deleted" : " kept")).toList();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

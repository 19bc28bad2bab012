package dev.messer.library;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.IntegrityException;
import dev.messer.error.UnavailableException;
import dev.messer.files.FileErrors;
import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import dev.messer.store.Blob;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The last-known-good copy of what a client read from its stores, in one file the application
 * names: each object exactly as the store held it (items still encrypted, data keys still wrapped
 * by the master key), each listing, and when it was read. It holds no plaintext and no unwrapped
 * key, is written mode 0600 by an atomic rename, and is refused when it is not a private file of
 * the caller's. When a store is unavailable, {@link LastKnownGoodStore} answers from it, with one
 * warning line, as long as the entry is not older than the maximum age.
 */
final class LastKnownGood {

    private static final int FORMAT = 1;

    private final Path file;
    private final Duration maxAge;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Map<String, Entry> entries;
    private volatile UnavailableException outage;

    /** What one store answered: an object (or its absence), or a listing; and when. */
    record Entry(Optional<Blob> blob, List<String> listing, Instant at) {
    }

    private LastKnownGood(Path file, Duration maxAge, Clock clock, Consumer<String> warnings,
                          Map<String, Entry> entries) {
        this.file = file;
        this.maxAge = maxAge;
        this.clock = clock;
        this.warnings = warnings;
        this.entries = entries;
    }

    /**
     * The copy in {@code file}, or an empty one when there is no file yet.
     *
     * @throws AccessDeniedException if the file is a link, or others may read or change it
     * @throws IntegrityException    if the file is not a copy messer wrote
     */
    static LastKnownGood open(Path file, Duration maxAge, Clock clock, Consumer<String> warnings) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the maximum age of a last-known-good copy must be positive");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new LastKnownGood(file, maxAge, clock, warnings, new HashMap<>());
        }
        if (Files.isSymbolicLink(file)) {
            throw new AccessDeniedException("the last-known-good copy " + file + " is a symbolic link, which messer "
                    + "does not follow; remove it with 'rm " + file + "' and name a file in a folder of your own");
        }
        FileTrust.currentUser().requireSecretFile(file, "the last-known-good copy");
        try {
            return new LastKnownGood(file, maxAge, clock, warnings,
                    parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UnavailableException("cannot read the last-known-good copy " + file + ": " + FileErrors.reason(e)
                    + "; check the file, or remove it with 'rm " + file + "'", e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException
                 | NullPointerException | UnsupportedOperationException e) {
            throw new IntegrityException("the last-known-good copy " + file + " is damaged or not a messer copy; "
                    + "remove it with 'rm " + file + "', and the next start-up writes it anew");
        }
    }

    Path file() {
        return file;
    }

    /** True once a store was found unavailable: later reads go to the copy without waiting on the store again. */
    boolean offline() {
        return outage != null;
    }

    /** Keeps what a store answered, and saves the file when it changed or its entry is half its maximum age old. */
    synchronized void remember(String name, Optional<Blob> blob, List<String> listing) {
        Instant now = clock.instant();
        Entry old = entries.get(name);
        Entry fresh = new Entry(blob, listing, now);
        entries.put(name, fresh);
        if (old == null || !same(old, fresh) || old.at().plus(maxAge.dividedBy(2)).isBefore(now)) {
            save();
        }
    }

    /**
     * What the copy holds for {@code name}, standing in for a store that failed with {@code failure}.
     *
     * @throws UnavailableException {@code failure}, with what the copy lacks, when it has no entry or an old one
     */
    synchronized Entry answer(String name, UnavailableException failure) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new UnavailableException(failure.problem() + "; the last-known-good copy " + file + " has no copy of "
                    + name, failure.hint(), failure);
        }
        if (entry.at().plus(maxAge).isBefore(clock.instant())) {
            throw new UnavailableException(failure.problem() + "; the last-known-good copy of " + name + " in " + file
                    + " was read at " + entry.at() + ", longer ago than its maximum age of " + maxAge, failure.hint(),
                    failure);
        }
        if (outage == null) {
            outage = failure;
            warnings.accept("messer: warning: " + firstLine(failure.getMessage()) + "; reading from the last-known-good "
                    + "copy " + file + " until restart");
        }
        return entry;
    }

    /** The outage that put this copy in charge, to fail later reads with at once. */
    UnavailableException outage() {
        return outage;
    }

    private void save() {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        JsonObject all = new JsonObject();
        entries.forEach((name, entry) -> all.add(name, toJson(entry)));
        root.add("entries", all);
        try {
            replace(root.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            warnings.accept("messer: warning: cannot write the last-known-good copy " + file + " ("
                    + FileErrors.reason(e) + "); the service runs on, without a fresh copy");
        }
    }

    /**
     * Replaces the file with {@code content}, all or nothing: a temporary owner-only file in the same
     * folder (created 0700 if missing), synced, then renamed over the file; a reader sees the old copy
     * or the new one, never a part.
     */
    private void replace(byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        PrivateFiles.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".messer-new-", ".tmp", PrivateFiles.ownerOnlyFile());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                PrivateFiles.writeFully(channel, content);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.syncFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static JsonObject toJson(Entry entry) {
        JsonObject json = new JsonObject();
        json.addProperty("at", entry.at().toString());
        entry.blob().ifPresent(blob -> {
            json.addProperty("content", Base64.getEncoder().encodeToString(blob.content()));
            json.addProperty("etag", blob.etag());
            JsonObject metadata = new JsonObject();
            blob.metadata().forEach(metadata::addProperty);
            json.add("metadata", metadata);
        });
        if (entry.listing() != null) {
            JsonArray keys = new JsonArray();
            entry.listing().forEach(keys::add);
            json.add("listing", keys);
        }
        return json;
    }

    private static Map<String, Entry> parse(String text) {
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        if (root.get("format").getAsInt() != FORMAT) {
            throw new IllegalArgumentException("format");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Map.Entry<String, JsonElement> named : root.getAsJsonObject("entries").entrySet()) {
            JsonObject json = named.getValue().getAsJsonObject();
            Optional<Blob> blob = Optional.empty();
            if (json.has("content")) {
                Map<String, String> metadata = new HashMap<>();
                json.getAsJsonObject("metadata").entrySet().forEach(e -> metadata.put(e.getKey(),
                        e.getValue().getAsString()));
                blob = Optional.of(new Blob(Base64.getDecoder().decode(json.get("content").getAsString()),
                        json.get("etag").getAsString(), metadata));
            }
            List<String> listing = null;
            if (json.has("listing")) {
                listing = new ArrayList<>();
                for (JsonElement key : json.getAsJsonArray("listing")) {
                    listing.add(key.getAsString());
                }
            }
            entries.put(named.getKey(), new Entry(blob, listing, Instant.parse(json.get("at").getAsString())));
        }
        return entries;
    }

    private static boolean same(Entry a, Entry b) {
        boolean sameBlob = a.blob().isPresent() == b.blob().isPresent()
                && a.blob().map(x -> x.etag().equals(b.blob().get().etag())
                && Arrays.equals(x.content(), b.blob().get().content())).orElse(true);
        return sameBlob && (a.listing() == null ? b.listing() == null : a.listing().equals(b.listing()));
    }

    private static String firstLine(String message) {
        return FileErrors.firstLine(message == null ? "a store is unavailable" : message);
    }
}

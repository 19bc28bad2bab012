package dev.messer.cli.completion;


import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names offered by shell completion, kept for {@link #FRESH} in 0600 files of a 0700 folder,
 * {@code $XDG_CACHE_HOME/messer/completion/} (else {@code ~/.cache/messer/completion/}). A file is
 * named by a hash of configuration path, profile, provider and bag, so its name reveals none of them.
 */
final class CompletionNameCache {

    static final Duration FRESH = Duration.ofMinutes(1);

    private final Path folder;

    CompletionNameCache(Path folder) {
        this.folder = folder;
    }

    static Path folder(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache)
                : Path.of(Optional.ofNullable(env.get("HOME")).orElse(System.getProperty("user.home")), ".cache");
        return base.resolve("messer").resolve("completion");
    }

    /** The file for one listing. */
    Path file(Path config, String profile, String provider, String bag) {
        String key = config.toAbsolutePath().normalize() + "\0" + (profile == null ? "" : profile) + "\0" + provider
                + "\0" + (bag == null ? "" : bag);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** The names in {@code file} if it is a regular file written less than a minute before {@code now}. */
    Optional<List<String>> read(Path file, Instant now) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
            if (written.isAfter(now) || !written.plus(FRESH).isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the names through a private temporary file that replaces {@code file} at once. */
    void write(Path file, List<String> names) throws IOException {
        PrivateFiles.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, ".names-", ".tmp", PrivateFiles.ownerOnlyFile());
        try {
            Files.write(temporary, names, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

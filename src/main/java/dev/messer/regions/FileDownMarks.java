package dev.messer.regions;

import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Down marks as small files, mode 0600 in an owner-only folder ({@code $XDG_CACHE_HOME/messer/regions/}):
 * one per region and secrets bucket, holding the instant until which the region is tried last. A
 * mark only changes the order in which regions are tried, so a stale, missing or unreadable mark
 * costs at most one slow read.
 */
public final class FileDownMarks implements DownMarks {

    /** How long a region found out is tried last. */
    public static final Duration REMEMBERED = Duration.ofSeconds(60);
    private static final Pattern SAFE = Pattern.compile("[a-z0-9.-]+");

    private final Path folder;
    private final java.util.function.Function<String, String> scopeOf;
    private final Clock clock;

    /**
     * @param folder  where the marks live
     * @param scopeOf the secrets bucket of each region, so that profiles of other tiers keep their own marks
     */
    public FileDownMarks(Path folder, java.util.function.Function<String, String> scopeOf, Clock clock) {
        this.folder = folder;
        this.scopeOf = scopeOf;
        this.clock = clock;
    }

    @Override
    public boolean isDown(String region) {
        Path mark = mark(region);
        if (mark == null || !Files.isRegularFile(mark, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            String text = Files.readString(mark, StandardCharsets.UTF_8).trim();
            return clock.instant().isBefore(Instant.ofEpochMilli(Long.parseLong(text)));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void markDown(String region) {
        Path mark = mark(region);
        if (mark == null) {
            return;
        }
        try {
            PrivateFiles.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".mark", ".tmp", PrivateFiles.ownerOnlyFile());
            try {
                Files.writeString(partial, Long.toString(clock.instant().plus(REMEMBERED).toEpochMilli()),
                        StandardCharsets.UTF_8);
                Files.move(partial, mark, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the next command tries the region first again
        }
    }

    /** The file of a region, or null when the names would not make a plain file name. */
    Path mark(String region) {
        String scope = scopeOf.apply(region);
        if (!SAFE.matcher(region).matches() || scope == null || !SAFE.matcher(scope).matches()) {
            return null;
        }
        return folder.resolve(region + "_" + scope + ".down");
    }
}

package dev.messer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The keys under a prefix that have kept versions: every object name beside which a committed
 * version file {@code b#vN} lies, whether the object itself is still there or was deleted.
 * Pending and temporary files do not count; links are not followed.
 */
final class VersionedKeys {

    private static final Pattern VERSION_FILE = Pattern.compile("(.*[^/#][^#]*)#v(0|[1-9][0-9]{0,17})");

    private VersionedKeys() {
    }

    static SortedSet<String> under(Path root, String prefix) throws IOException {
        SortedSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> root.relativize(f).toString())
                    .map(VERSION_FILE::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .filter(key -> key.startsWith(prefix))
                    .forEach(keys::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return keys;
    }
}

package dev.messer.cli;

import dev.messer.edit.ScratchFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files {@code data bag edit} keeps for the user when an edit cannot be saved, as tests find and remove them. */
final class KeptEdits {

    private static final Pattern KEPT_IN = Pattern.compile("your text is kept in (\\S+) ");

    private KeptEdits() {
    }

    /** The kept file an error line names. */
    static Path named(String stderr) {
        Matcher m = KEPT_IN.matcher(stderr);
        if (!m.find()) {
            throw new AssertionError("no kept file named in: " + stderr);
        }
        return Path.of(m.group(1));
    }

    /** Removes the kept folders this test JVM's in-process runs made. */
    static void removeOurs() {
        Path base = ScratchFolder.base(Path.of(System.getProperty("java.io.tmpdir")));
        String glob = ScratchFolder.KEPT_PREFIX + ProcessHandle.current().pid() + "-*";
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(base, glob)) {
            for (Path folder : kept) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

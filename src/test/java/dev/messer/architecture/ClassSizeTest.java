package dev.messer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class in src/main stays under {@value #MAX_LINES} lines: a class that grows past it is
 * doing more than one job. ArchUnit sees bytecode, not lines, so this reads the sources.
 */
class ClassSizeTest {

    static final int MAX_LINES = 350;
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void noClassInMain_exceedsTheLimit() throws IOException {
        assertThat(sources()).as("the sources are found").hasSizeGreaterThan(100);
        assertThat(oversized(MAIN)).as("classes over " + MAX_LINES + " lines: split each by job").isEmpty();
    }

    @Test
    void theCheck_findsAClassOverTheLimit(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path big = dir.resolve("dev/messer/Big.java");
        Files.createDirectories(big.getParent());
        Files.writeString(big, "class Big {\n" + "    int x;\n".repeat(MAX_LINES) + "}\n");
        Files.writeString(dir.resolve("dev/messer/Small.java"), "class Small {\n}\n");

        assertThat(oversized(dir)).containsExactly("dev/messer/Big.java: " + (MAX_LINES + 2) + " lines");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    static List<String> oversized(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .map(f -> root.relativize(f) + ": " + lines(f) + " lines")
                    .filter(line -> Integer.parseInt(line.replaceAll(".*: (\\d+) lines", "$1")) > MAX_LINES)
                    .toList();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

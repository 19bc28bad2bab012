package dev.messer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md names only what exists: every source file and folder it gives as a path
 * ({@code cli/CommandTree.java}, {@code aws/setup/}, {@code cli/Bulk*Command.java}), every class or
 * package it gives with dots ({@code app.Sessions}, {@code cli.aws}), and every package of the code
 * appears in its package table.
 */
class ArchitectureDocTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path MAIN = Path.of("src/main/java/dev/messer");
    private static final Path TEST = Path.of("src/test/java/dev/messer");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    /** {@code cli/CommandTree.java}, {@code crypto/Envelope*.java}, {@code cli/<Name>Command.java}, {@code aws/setup/}. */
    private static final Pattern SOURCE_PATH = Pattern.compile("[a-z]+(/[A-Za-z0-9_*<>]+)*(/|\\.java)");
    /** {@code app.Sessions}, {@code cli.aws}, {@code aws.setup}: a package, then packages or one class. */
    private static final Pattern DOTTED = Pattern.compile("[a-z]+(\\.[a-z]+)*(\\.[A-Z][A-Za-z0-9]*)?");

    private static List<String> codeSpans() throws IOException {
        String text = Files.readString(DOC).replaceAll("(?s)```.*?```", "");
        return CODE.matcher(text).results().map(m -> m.group(1)).distinct().toList();
    }

    @Test
    void everySourcePathItNames_exists() throws IOException {
        List<String> paths = codeSpans().stream().filter(s -> SOURCE_PATH.matcher(s).matches()).toList();
        assertThat(paths).as("source paths in docs/architecture.md").hasSizeGreaterThan(20);
        assertThat(paths).allSatisfy(path -> assertThat(matchesSomething(path))
                .as("docs/architecture.md names %s, which is not under src/main/java/dev/messer", path).isTrue());
    }

    @Test
    void everyPackageOrClassItNamesWithDots_exists() throws IOException {
        List<String> dotted = codeSpans().stream().filter(s -> s.contains(".") && DOTTED.matcher(s).matches())
                .toList();
        assertThat(dotted).as("dotted names in docs/architecture.md").hasSizeGreaterThan(20);
        assertThat(dotted).allSatisfy(written -> {
            String name = written.startsWith("dev.messer") ? written.substring("dev.messer".length()) : written;
            String path = name.replace('.', '/').replaceFirst("^/", "");
            if (path.isEmpty()) {
                return;
            }
            boolean isClass = Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1));
            boolean exists = isClass
                    ? Files.isRegularFile(MAIN.resolve(path + ".java")) || Files.isRegularFile(TEST.resolve(path + ".java"))
                    : Files.isDirectory(MAIN.resolve(path));
            assertThat(exists).as("docs/architecture.md names %s, which is no %s of messer", name,
                    isClass ? "class" : "package").isTrue();
        });
    }

    @Test
    void thePackageTable_listsEveryPackage() throws IOException {
        String table = Files.readString(DOC).split("## Packages", 2)[1].split("\n## ", 2)[0];
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
            assertThat(packages).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(table)
                    .as("the package table of docs/architecture.md lists %s", name).contains("`" + name + "`"));
        }
    }

    private static boolean matchesSomething(String path) {
        if (path.startsWith("src/")) {
            return Files.exists(Path.of(path));
        }
        if (!path.contains("*") && !path.contains("<")) {
            Path target = MAIN.resolve(path);
            return path.endsWith("/") ? Files.isDirectory(target) : Files.isRegularFile(target);
        }
        String glob = path.replaceAll("<[A-Za-z]+>", "*");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.map(MAIN::relativize).anyMatch(matcher::matches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSourcePathPattern_coversTheFormsTheDocUses() {
        assertThat(Stream.of("cli/CommandTree.java", "aws/setup/", "cli/Bulk*Command.java", "cli/<Name>Command.java", "aws/"))
                .allMatch(s -> SOURCE_PATH.matcher(s).matches());
        assertThat(Stream.of("bin/messer", "docs/cli.md", "app.Sessions")).noneMatch(s -> SOURCE_PATH.matcher(s).matches());
        assertThat(SOURCE_PATH.matcher("FieldEditor.java").matches()).as("a bare file name is no path; the doc gives the folder").isFalse();
    }
}

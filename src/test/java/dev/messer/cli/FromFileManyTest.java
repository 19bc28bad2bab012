package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data bag from file} with several files, a folder, or standard input. */
class FromFileManyTest {

    @TempDir
    Path home;

    LocalCliSandbox sandbox;
    Path items;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new LocalCliSandbox(home).withBag();
        items = Files.createDirectory(home.resolve("items"));
    }

    private Path item(String name, String json) throws IOException {
        return Files.writeString(items.resolve(name), json);
    }

    private CliRun upload(String stdin, String... sources) {
        String[] args = new String[sources.length + 8];
        String[] head = {"data", "bag", "from", "file", "local", "app"};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(sources, 0, args, head.length, sources.length);
        args[args.length - 2] = "--secret-file";
        args[args.length - 1] = "app";
        return sandbox.runWithInput(stdin, args);
    }

    private String listing() {
        return sandbox.run("data", "bag", "show", "local", "app").out();
    }

    @Test
    void severalFiles_areAllUploaded_andEachIsReported() throws IOException {
        Path a = item("a.json", "{\"id\":\"a\",\"v\":1}");
        Path b = item("b.json", "{\"id\":\"b\",\"v\":2}");
        CliRun result = upload("", a.toString(), b.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Uploaded data bag item app/a").contains("(from " + a + ")")
                .contains("Uploaded data bag item app/b").contains("(from " + b + ")");
        assertThat(listing()).isEqualTo("a\nb\n");
    }

    @Test
    void folder_uploadsItsJsonFilesInNameOrder_andIgnoresOtherFiles() throws IOException {
        item("2-second.json", "{\"id\":\"second\"}");
        item("1-first.json", "{\"id\":\"first\"}");
        item("notes.txt", "not an item");
        CliRun result = upload("", items.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err().indexOf("app/first")).isLessThan(result.err().indexOf("app/second"));
        assertThat(listing()).isEqualTo("first\nsecond\n");
    }

    @Test
    void standardInput_mixesWithFiles() throws IOException {
        Path a = item("a.json", "{\"id\":\"a\"}");
        CliRun result = upload("{\"id\":\"piped\"}", a.toString(), "-");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.err()).contains("(from standard input)");
        assertThat(listing()).isEqualTo("a\npiped\n");
    }

    @Test
    void oneInvalidFileAmongMany_stopsBeforeAnythingIsWritten_namingIt() throws IOException {
        Path a = item("a.json", "{\"id\":\"a\"}");
        Path bad = item("bad.json", "{\"id\":\"bad\",");
        Path c = item("c.json", "{\"id\":\"c\"}");
        CliRun result = upload("", a.toString(), bad.toString(), c.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("bad.json").hasLineCount(1);
        assertThat(listing()).isEmpty();
    }

    @Test
    void invalidFileInFolder_stopsBeforeAnythingIsWritten() throws IOException {
        item("a.json", "{\"id\":\"a\"}");
        item("b.json", "{\"no-id\":true}");
        CliRun result = upload("", items.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("b.json").contains("\"id\"");
        assertThat(listing()).isEmpty();
    }

    @Test
    void sameIdInTwoFiles_failsNamingBoth_beforeWriting() throws IOException {
        Path a = item("a.json", "{\"id\":\"same\"}");
        Path b = item("b.json", "{\"id\":\"same\"}");
        CliRun result = upload("", a.toString(), b.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("a.json").contains("b.json").contains("same");
        assertThat(listing()).isEmpty();
    }

    @Test
    void existingItemWithoutForce_failsBeforeWritingTheOthers() throws IOException {
        Path a = item("a.json", "{\"id\":\"a\"}");
        Path b = item("b.json", "{\"id\":\"b\"}");
        assertThat(upload("", b.toString()).exit()).isZero();
        CliRun result = upload("", a.toString(), b.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("item b").contains("--force").contains("nothing was uploaded");
        assertThat(listing()).isEqualTo("b\n");
    }

    @Test
    void folderWithoutJsonFiles_failsNamingIt() throws IOException {
        Path empty = Files.createDirectory(home.resolve("empty"));
        CliRun result = upload("", empty.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("empty").contains("no *.json");
    }

    @Test
    void standardInputTwice_isUsageError() {
        assertThat(upload("{\"id\":\"x\"}", "-", "-").exit()).isEqualTo(2);
    }
}

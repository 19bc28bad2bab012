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

    CliSandbox sandbox;
    Path items;

    @BeforeEach
    void setUp() throws IOException {
        sandbox = new CliSandbox(home).withBag();
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
    void forceWithIdenticalContent_writesNoVersion_andReportsUnchanged() throws IOException {
        Path a = item("a.json", "{\"id\":\"a\",\"n\":1}");
        assertThat(upload("", a.toString()).exit()).isZero();

        CliRun again = sandbox.run("data", "bag", "from", "file", "local", "app", a.toString(), "--secret-file", "app",
                "--force");

        assertThat(again.exit()).as(again.toString()).isZero();
        assertThat(again.err()).contains("Unchanged data bag item app/a").contains("key app v0 in item format 2")
                .contains("nothing was written").doesNotContain("Uploaded");
        CliRun history = sandbox.run("data", "bag", "history", "local", "app", "a", "--format", "json");
        assertThat(com.google.gson.JsonParser.parseString(history.out()).getAsJsonArray()).hasSize(1);

        item("a.json", "{\"id\":\"a\",\"n\":1.0}");
        CliRun changed = sandbox.run("data", "bag", "from", "file", "local", "app", a.toString(), "--secret-file", "app",
                "--force");
        assertThat(changed.err()).contains("Uploaded data bag item app/a");
    }

    /** Items a to d from a folder, where item c's path is taken by a folder, so that writing c fails. */
    private CliRun uploadStoppedAtC(String... flags) throws IOException {
        for (String id : new String[] {"a", "b", "c", "d"}) {
            item(id + ".json", "{\"id\":\"" + id + "\"}");
        }
        Files.createDirectories(home.resolve("home/.local/share/messer/secrets/dev/app/c"));
        String[] head = {"data", "bag", "from", "file", "local", "app", items.toString(), "--secret-file", "app"};
        String[] args = java.util.Arrays.copyOf(head, head.length + flags.length);
        System.arraycopy(flags, 0, args, head.length, flags.length);
        return sandbox.run(args);
    }

    @Test
    void uploadStoppingPartway_saysWhichItemItStoppedAt_andWhatItWroteBefore() throws IOException {
        CliRun result = uploadStoppedAtC();

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().lines().filter(l -> l.startsWith("messer:"))).singleElement().asString()
                .startsWith("messer: upload stopped at item c (from " + items.resolve("c.json") + "), 3 of 4: "
                        + "2 written before it (a, b), 1 not tried; ")
                .contains("item c already exists");
        assertThat(listing()).isEqualTo("a\nb\n");
    }

    @Test
    void uploadStoppingPartway_isReportedWithSilentToo_countingUnchangedItems() throws IOException {
        item("a.json", "{\"id\":\"a\"}");
        assertThat(upload("", items.resolve("a.json").toString()).exit()).isZero();

        CliRun result = uploadStoppedAtC("--force", "--silent");

        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("messer: upload stopped at item c (from " + items.resolve("c.json") + "), 3 of 4: "
                        + "1 written before it (b), 1 unchanged, 1 not tried; ");
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

package dev.messer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.cli.CliRun;
import dev.messer.cli.CliSandbox;
import dev.messer.crypto.Envelope;
import dev.messer.crypto.EnvelopeVersion;
import dev.messer.crypto.ItemBinding;
import dev.messer.databag.StoredItem;
import dev.messer.keys.KeyRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a marker secret in item field values and runs every command on the local provider, on the
 * success and the failure paths, with and without --debug. The marker may reach stdout only where the
 * user asked for the decrypted item (show --decrypt, and quickstart, whose last step is one); it must
 * never reach stderr (messages, stack traces) nor any file on disk in plaintext. The data keys and the
 * master key must appear in no output and in no file other than their own.
 */
class LeakScanTest {

    private static final String BAG = "bag";
    private static final String KEY = "leakkey";

    @TempDir
    Path temp;

    private CliSandbox sandbox;
    private String marker;
    private SecretScan markerScan;
    private FileTime started;
    private final List<Step> steps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(temp);
        marker = "LEAKMARKER-" + UUID.randomUUID().toString().replace("-", "");
        markerScan = SecretScan.forText(marker);
        started = FileTime.from(Instant.now().minusSeconds(2));
    }

    @Test
    void markerSecret_reachesStdoutOnlyWhenDecryptionWasAskedFor_andNeverStderrOrDisk() {
        String item = "{\"id\":\"db\",\"password\":\"" + marker + "\",\"nested\":{\"token\":\"" + marker
                + "-n\"},\"list\":[\"" + marker + "-l\"]}";
        String piped = "{\"id\":\"piped\",\"password\":\"" + marker + "-stdin\"}";
        Path itemFile = sandbox.writeFile("db.json", item);

        quiet("configure local", "configure", "local");
        quiet("encryption create", "encryption", "create", "local", KEY);
        quiet("encryption increment", "encryption", "increment", "local", KEY);
        quiet("encryption list", "encryption", "list", "local");
        quiet("encryption list key", "encryption", "list", "local", KEY);
        quiet("data bag create", "data", "bag", "create", "local", BAG);
        quiet("from file", "data", "bag", "from", "file", "local", BAG, itemFile.toString(), "--secret-file", KEY);
        quiet("from file --force --debug", "data", "bag", "from", "file", "local", BAG, itemFile.toString(),
                "--secret-file", KEY, "-v", "0", "--force", "--debug");
        step("from file stdin", false, sandbox.runWithStdin(piped.getBytes(StandardCharsets.UTF_8),
                "data", "bag", "from", "file", "local", BAG, "-", "--secret-file", KEY));
        quiet("show bags", "data", "bag", "show", "local");
        quiet("show items", "data", "bag", "show", "local", BAG);
        quiet("show encrypted", "data", "bag", "show", "local", BAG, "db");
        quiet("show encrypted --debug", "data", "bag", "show", "local", BAG, "piped", "--debug");
        CliRun shown = step("show --decrypt", true, sandbox.run("data", "bag", "show", "local", BAG, "db", "--decrypt"));
        CliRun shownPiped = step("show --decrypt piped", true,
                sandbox.run("data", "bag", "show", "local", BAG, "piped", "--decrypt", "--debug"));

        for (String format : List.of("json", "pretty", "env", "dotenv", "export", "envfile", "properties")) {
            step("show --decrypt --format " + format, true, sandbox.run("data", "bag", "show", "local", BAG, "db",
                    "--decrypt", "--format", format));
        }
        step("show --decrypt --field", true, sandbox.run("data", "bag", "show", "local", BAG, "db", "--decrypt",
                "--field", "password"));
        quiet("exec", "exec", "local", BAG, "db", "--", "sh", "-c", "test -n \"$PASSWORD\"");
        CliRun passedThrough = sandbox.run("exec", "local", BAG, "db", "--debug", "--", "false");
        steps.add(new Step("exec of a failing command --debug", false, passedThrough));
        assertThat(passedThrough.exit()).as("exec passes the command's status through").isEqualTo(1);
        failing("exec of a missing item --debug", "exec", "local", BAG, "nothere", "--debug", "--", "true");
        exportsAndRenders();
        edits();
        history();

        failingUploads();
        failingDecryptions();
        quickstart(itemFile);

        List<byte[]> dataKeys = List.of(StoredObjects.dataKeyBytes(sandbox, "default", new KeyRef(KEY, 0)),
                StoredObjects.dataKeyBytes(sandbox, "default", new KeyRef(KEY, 1)));
        byte[] masterKey = Arrays.copyOfRange(StoredObjects.read(sandbox.masterKeyFile("default")), 6, 38);

        failing("delete bag with items --debug", "data", "bag", "delete", "local", BAG, "--debug");
        quiet("delete item", "data", "bag", "delete", "local", BAG, "db");
        quiet("delete item piped", "data", "bag", "delete", "local", BAG, "piped");
        failing("delete missing item --debug", "data", "bag", "delete", "local", BAG, "db", "--debug");
        quiet("delete bag", "data", "bag", "delete", "local", BAG);
        failing("encryption delete version kept versions use", "encryption", "delete", "local", KEY, "1", "--no-prompt");
        quiet("encryption delete version", "encryption", "delete", "local", KEY, "1", "--no-prompt", "--drop-history");
        failing("encryption delete without terminal --debug", "encryption", "delete", "local", KEY, "--debug");

        assertThat(shown.out()).contains(marker);
        assertThat(shownPiped.out()).contains(marker + "-stdin");
        SoftAssertions soft = new SoftAssertions();
        for (Step step : steps) {
            if (!step.stdoutMayShowPlaintext) {
                soft.assertThat(markerScan.foundIn(step.result.out())).as("marker on stdout of '%s'", step.label)
                        .isFalse();
            }
            soft.assertThat(markerScan.foundIn(step.result.err())).as("marker on stderr of '%s': %s", step.label,
                    step.result.err()).isFalse();
            for (byte[] key : dataKeys) {
                SecretScan keyScan = SecretScan.forKey(key);
                soft.assertThat(keyScan.foundIn(step.result.out() + step.result.err()))
                        .as("data key in the output of '%s'", step.label).isFalse();
            }
            soft.assertThat(SecretScan.forKey(masterKey).foundIn(step.result.out() + step.result.err()))
                    .as("master key in the output of '%s'", step.label).isFalse();
        }
        Path inputs = sandbox.inputs();
        soft.assertThat(markerScan.filesContaining(sandbox.root, null)).as("files holding the plaintext marker")
                .allMatch(file -> file.startsWith(inputs));
        Path jvmTemp = Path.of(System.getProperty("java.io.tmpdir"));
        soft.assertThat(markerScan.filesContaining(jvmTemp, started)).as("temporary files holding the marker")
                .allMatch(file -> file.startsWith(inputs));
        soft.assertThat(markerScan.filesContaining(Path.of("/dev/shm"), started))
                .as("files in shared memory (where edit puts its scratch file) holding the marker").isEmpty();
        for (byte[] key : dataKeys) {
            soft.assertThat(SecretScan.forKey(key).filesContaining(sandbox.root, null))
                    .as("files holding a data key in the clear").isEmpty();
        }
        soft.assertThat(SecretScan.forKey(masterKey).filesContaining(sandbox.root, null))
                .as("files holding the master key").containsExactly(sandbox.masterKeyFile("default"));
        soft.assertAll();
    }

    /** {@code export} and {@code render}, on the success and the failure paths. */
    private void exportsAndRenders() {
        String db = BAG + "/db";
        String piped = BAG + "/piped";
        for (String format : List.of("json", "pretty", "env", "dotenv", "export", "envfile", "properties")) {
            step("export --format " + format, true, sandbox.run("export", "local", db, piped, "--override",
                    "--format", format));
        }
        failing("export of a clashing name --debug", "export", "local", db, piped, "--debug");
        failing("export of a missing item --debug", "export", "local", db, BAG + "/nothere", "--debug");
        failing("export of a refused name --debug", "export", "local", db, "--prefix", "LD_", "--debug");
        Path template = sandbox.writeFile("app.tmpl", "pw={{" + db + "/password}} n={{" + db + "/nested/token}}\n");
        step("render", true, sandbox.run("render", "local", template.toString()));
        quiet("render -o", "render", "local", template.toString(), "-o", sandbox.inputs().resolve("app.out").toString());
        quiet("render --check", "render", "local", template.toString(), "--check");
        Path missingField = sandbox.writeFile("missing.tmpl", "pw={{" + db + "/nope}} {{" + db + "/password}}");
        failing("render of a missing field --debug", "render", "local", missingField.toString(), "--debug");
        failing("render --check of a missing field --debug", "render", "local", missingField.toString(), "--check",
                "--debug");
        Path missingItem = sandbox.writeFile("item.tmpl", "{{" + db + "/password}} {{" + BAG + "/nothere/password}}");
        failing("render of a missing item --debug", "render", "local", missingItem.toString(), "--debug");
        Path badTag = sandbox.writeFile("bad.tmpl", "{{" + db + "/password}} {{#" + db + "/password}}x{{/" + db
                + "/password}}");
        failing("render of a section --debug", "render", "local", badTag.toString(), "--debug");
    }

    /** history, show --at, diff, set, unset, rollback and delete --purge: values only where decryption was asked for. */
    private void history() {
        quiet("history", "data", "bag", "history", "local", BAG, "db");
        quiet("history --format json --debug", "data", "bag", "history", "local", BAG, "db", "--format", "json", "--debug");
        step("show --decrypt --at", true, sandbox.run("data", "bag", "show", "local", BAG, "db", "--decrypt", "--at", "1"));
        step("set from stdin", false, sandbox.runWithStdin((marker + "-set\n").getBytes(StandardCharsets.UTF_8),
                "data", "bag", "set", "local", BAG, "db", "password"));
        step("set --json --debug", false, sandbox.runWithStdin(("{\"nested/token\":\"" + marker + "-json\"}")
                .getBytes(StandardCharsets.UTF_8), "data", "bag", "set", "local", BAG, "db", "nested/token", "--json",
                "--debug"));
        Path valueFile = sandbox.writeFile("value.txt", marker + "-file");
        quiet("set --value-file", "data", "bag", "set", "local", BAG, "db", "password", "--value-file", valueFile.toString());
        quiet("set --generate", "data", "bag", "set", "local", BAG, "db", "generated", "--generate");
        quiet("unset", "data", "bag", "unset", "local", BAG, "db", "generated");
        failing("unset id --debug", "data", "bag", "unset", "local", BAG, "db", "id", "--debug");
        failing("set --json that does not parse --debug", "data", "bag", "set", "local", BAG, "db", "x", "--json", "--debug");
        CliRun diff = sandbox.run("data", "bag", "diff", "local", BAG, "db", "1", "--debug");
        steps.add(new Step("diff --debug", false, diff));
        assertThat(diff.exit()).as("diff of differing versions").isEqualTo(1);
        CliRun revealed = sandbox.run("data", "bag", "diff", "local", BAG, "db", "1", "--reveal");
        steps.add(new Step("diff --reveal", true, revealed));
        assertThat(revealed.out()).contains(marker + "-file");
        Path upload = sandbox.writeFile("upload.json", "{\"id\":\"db\",\"password\":\"" + marker + "-upload\"}");
        CliRun fileDiff = sandbox.run("data", "bag", "diff", "local", BAG, "db", "--file", upload.toString());
        steps.add(new Step("diff --file", false, fileDiff));
        assertThat(fileDiff.exit()).isEqualTo(1);
        failing("diff of a missing version --debug", "data", "bag", "diff", "local", BAG, "db", "999", "--debug");
        quiet("rollback", "data", "bag", "rollback", "local", BAG, "db", "1");
        quiet("rollback of the rollback", "data", "bag", "rollback", "local", BAG, "db", "2");
        failing("rollback to a missing version --debug", "data", "bag", "rollback", "local", BAG, "db", "999", "--debug");
        step("from file for purge", false, sandbox.runWithStdin("{\"id\":\"gone\",\"password\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8), "data", "bag", "from", "file", "local", BAG, "-", "--secret-file", KEY));
        quiet("delete --purge", "data", "bag", "delete", "local", BAG, "gone", "--purge");
    }

    /** {@code data bag edit} with scripted editors: one that changes a value, one that fails, one that breaks the JSON. */
    private void edits() {
        Path seen = sandbox.root.resolve("editor-saw");
        sandbox.env("EDITOR", "ed() { echo \"$1\" > " + seen + "; sed -i 's/-n\"/-edited\"/' \"$1\"; }; ed");
        quiet("edit", "data", "bag", "edit", "local", BAG, "db");
        Path scratch = Path.of(StoredObjects.readString(seen).strip());
        if (Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))) {
            assertThat(scratch.startsWith(Path.of("/dev/shm"))).as("edit keeps plaintext in memory where it can: %s", scratch).isTrue();
        }
        assertThat(scratch).as("the scratch file the editor was given is gone").doesNotExist();
        assertThat(scratch.getParent()).as("and so is its private folder").doesNotExist();
        CliRun edited = step("show --decrypt after edit", true, sandbox.run("data", "bag", "show", "local", BAG, "db",
                "--decrypt"));
        assertThat(edited.out()).as("the scripted editor changed the item").contains(marker + "-edited");
        sandbox.env("EDITOR", "false");
        failing("edit with a failing editor --debug", "data", "bag", "edit", "local", BAG, "db", "--debug");
        sandbox.env("EDITOR", "sed -i s/}/,/");
        CliRun broken = step("edit into broken JSON --debug", false, sandbox.run("data", "bag", "edit", "local", BAG,
                "db", "--debug"));
        assertThat(broken.exit()).as("exit of edit into broken JSON").isNotZero();
        removeKeptText(broken.err());
        sandbox.env("EDITOR", null);
    }

    /**
     * Without a terminal, edit keeps text it could not save for the user, in the one private file its
     * error names (0600, in a 0700 folder in shared memory): that file, and nothing else, holds the
     * marker; it is removed here so that the scan of shared memory below finds any other copy.
     */
    private void removeKeptText(String err) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("your text is kept in (\\S+) ").matcher(err);
        assertThat(named.find()).as("edit names the file it kept the text in: %s", err).isTrue();
        Path kept = Path.of(named.group(1));
        try {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                    .isEqualTo("rw-------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(kept.getParent()))).isEqualTo("rwx------");
            assertThat(Files.readString(kept)).contains(marker);
            Files.delete(kept);
            Files.delete(kept.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void failingUploads() {
        List<String[]> bad = List.of(
                new String[] {"unterminated", "{\"id\":\"bad\",\"password\":\"" + marker},
                new String[] {"trailing value", "{\"id\":\"bad\",\"password\":\"" + marker + "\"} \"" + marker + "\""},
                new String[] {"duplicate key", "{\"id\":\"bad\",\"password\":\"" + marker + "\",\"password\":\""
                        + marker + "2\"}"},
                new String[] {"unquoted value", "{\"id\":\"bad\",\"password\":" + marker + "}"},
                new String[] {"bad number", "{\"id\":\"bad\",\"pin\":01" + marker + "}"},
                new String[] {"no id", "{\"password\":\"" + marker + "\"}"},
                new String[] {"id not a string", "{\"id\":{\"x\":\"" + marker + "\"},\"password\":\"" + marker + "\"}"},
                new String[] {"not an object", "[\"" + marker + "\"]"},
                new String[] {"too deep", "{\"id\":\"bad\",\"p\":" + "[".repeat(100) + "\"" + marker + "\""
                        + "]".repeat(100) + "}"},
                new String[] {"control character", "{\"id\":\"bad\",\"password\":\"" + marker + "\u0001\"}"});
        for (String[] input : bad) {
            Path file = sandbox.writeFile("bad-" + input[0].replace(' ', '-') + ".json", input[1]);
            failing("from file " + input[0] + " --debug", "data", "bag", "from", "file", "local", BAG, file.toString(),
                    "--secret-file", KEY, "--debug");
            step("from stdin " + input[0] + " --debug", false, sandbox.runWithStdin(
                    input[1].getBytes(StandardCharsets.UTF_8), "data", "bag", "from", "file", "local", BAG, "-",
                    "--secret-file", KEY, "--debug"));
        }
        byte[] invalidUtf8 = ("{\"id\":\"bad\",\"password\":\"" + marker + "\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        step("from stdin invalid UTF-8 --debug", false, sandbox.runWithStdin(invalidUtf8,
                "data", "bag", "from", "file", "local", BAG, "-", "--secret-file", KEY, "--debug"));
        String huge = "{\"id\":\"big\",\"password\":\"" + (marker + " ").repeat(40_000) + "\"}";
        step("from stdin too large --debug", false, sandbox.runWithStdin(huge.getBytes(StandardCharsets.UTF_8),
                "data", "bag", "from", "file", "local", BAG, "-", "--secret-file", KEY, "--debug"));
        Path good = sandbox.writeFile("good.json", "{\"id\":\"db\",\"password\":\"" + marker + "\"}");
        failing("from file exists without --force --debug", "data", "bag", "from", "file", "local", BAG,
                good.toString(), "--secret-file", KEY, "--debug");
        failing("from file unknown key --debug", "data", "bag", "from", "file", "local", BAG, good.toString(),
                "--secret-file", "nokey", "--debug");
        failing("from file unknown version --debug", "data", "bag", "from", "file", "local", BAG, good.toString(),
                "--secret-file", KEY, "-v", "9", "--debug");
        failing("from file missing bag --debug", "data", "bag", "from", "file", "local", "nobag", good.toString(),
                "--secret-file", KEY, "--debug");
        failing("from file missing file --debug", "data", "bag", "from", "file", "local", BAG,
                sandbox.root.resolve("missing.json").toString(), "--secret-file", KEY, "--debug");
    }

    private void failingDecryptions() {
        Path stored = sandbox.storedItem(BAG, "db");
        byte[] original = StoredObjects.read(stored);
        StoredObjects.rewriteEnvelope(stored, e -> StoredObjects.withCiphertext(e,
                StoredObjects.flipBit(e.ciphertext(), 3)));
        failing("show --decrypt tampered --debug", "data", "bag", "show", "local", BAG, "db", "--decrypt", "--debug");
        StoredObjects.write(stored, original);

        List<String[]> garbage = List.of(
                new String[] {"duplicate key", "{\"id\":\"db\",\"password\":\"" + marker + "\",\"password\":\"x\"}"},
                new String[] {"unterminated", "{\"id\":\"db\",\"password\":\"" + marker},
                new String[] {"other id", "{\"id\":\"other\",\"password\":\"" + marker + "\"}"},
                new String[] {"not an object", "[\"" + marker + "\"]"});
        for (String[] plaintext : garbage) {
            Envelope envelope = StoredObjects.sealWithRealKey(sandbox, "default", new KeyRef(KEY, 1),
                    plaintext[1].getBytes(StandardCharsets.UTF_8),
                    new ItemBinding("dev", "", BAG, "db", KEY, 1), EnvelopeVersion.V2);
            StoredObjects.write(stored, new StoredItem("db", dev.messer.crypto.EnvelopeCodec.encode(envelope), KEY, 1)
                    .toBytes());
            failing("show --decrypt of sealed " + plaintext[0] + " --debug", "data", "bag", "show", "local", BAG, "db",
                    "--decrypt", "--debug");
        }
        StoredObjects.write(stored, original);

        Path keyFile = sandbox.masterKeyFile("default");
        byte[] masterKey = StoredObjects.read(keyFile);
        try {
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            failing("show --decrypt with open key file --debug", "data", "bag", "show", "local", BAG, "db",
                    "--decrypt", "--debug");
            Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            StoredObjects.write(keyFile, StoredObjects.flipBit(masterKey, 20));
            failing("show --decrypt with wrong master key --debug", "data", "bag", "show", "local", BAG, "db",
                    "--decrypt", "--debug");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            StoredObjects.write(keyFile, masterKey);
        }
        failing("show --decrypt missing item --debug", "data", "bag", "show", "local", BAG, "nothere", "--decrypt",
                "--debug");
    }

    private void quickstart(Path itemFile) {
        step("quickstart", true, sandbox.run("quickstart", "--item", itemFile.toString()));
        Path bad = sandbox.writeFile("qs-bad.json", "{\"id\":\"db\",\"password\":\"" + marker);
        failing("quickstart with a broken item --debug", "quickstart", "--item", bad.toString(), "--debug");
    }

    private void quiet(String label, String... args) {
        CliRun result = step(label, false, sandbox.run(args));
        assertThat(result.exit()).as("exit of '%s': %s", label, result.err()).isZero();
    }

    private void failing(String label, String... args) {
        CliRun result = step(label, false, sandbox.run(args));
        assertThat(result.exit()).as("exit of '%s'", label).isNotZero();
    }

    private CliRun step(String label, boolean stdoutMayShowPlaintext, CliRun result) {
        steps.add(new Step(label, stdoutMayShowPlaintext, result));
        if (result.exit() != 0) {
            assertThat(result.err().lines()).as("error of '%s'", label).anyMatch(line -> line.startsWith("messer: "));
            if (Arrays.asList(result.command().split(" ")).contains("--debug")) {
                assertThat(result.err()).as("--debug of '%s' prints the stack trace that is scanned", label)
                        .contains("\tat dev.messer.");
            }
        }
        if (System.getProperty("messer.leakscan.show") != null) {
            System.out.println("== " + label + " -> " + result.exit() + "\n" + result.err());
        }
        return result;
    }

    private record Step(String label, boolean stdoutMayShowPlaintext, CliRun result) {
    }
}

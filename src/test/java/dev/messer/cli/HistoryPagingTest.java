package dev.messer.cli;

import static dev.messer.cli.CliSandbox.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data bag history --limit N --before VERSION}: a long history in pages, with a hint that lists the next one. */
class HistoryPagingTest {

    private static final Pattern NEXT = Pattern.compile("'messer (data bag history [^']+)'");

    @TempDir
    Path home;
    private CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag();
        sandbox.env.put("MESSER_LOCAL_VERSIONS", "60");
    }

    private void writeVersions(int count) {
        for (int i = 1; i <= count; i++) {
            sandbox.upload("{\"id\":\"db\",\"n\":" + i + "}");
        }
    }

    private static List<String> versions(CliRun run) {
        JsonArray array = JsonParser.parseString(run.out()).getAsJsonArray();
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(e.getAsJsonObject().get("version").getAsString()));
        return ids;
    }

    @Test
    void byDefault_fiftyVersionsAreListed_andTheRestAnnounced() {
        writeVersions(52);

        CliRun run = sandbox.run("data", "bag", "history", "local", "app", "db", "--format", "json");

        expectOk(run);
        assertThat(versions(run)).hasSize(50).startsWith("52").endsWith("3");
        assertThat(run.err()).isEqualTo("messer: 2 older versions not listed; list the next 2 with "
                + "'messer data bag history local app db --before 3', or all with --limit 0\n");
    }

    @Test
    void theHint_runsAsWritten_andListsTheNextPage() {
        writeVersions(5);

        CliRun first = sandbox.run("data", "bag", "history", "local", "app", "db", "--limit", "2");
        expectOk(first);
        assertThat(first.out().lines()).hasSize(3);
        assertThat(first.out().lines().toList().get(1)).startsWith("5 ");
        Matcher next = NEXT.matcher(first.err());
        assertThat(next.find()).as(first.err()).isTrue();

        List<String> args = new ArrayList<>(List.of(next.group(1).split(" ")));
        args.addAll(List.of("--limit", "2", "--format", "json"));
        CliRun second = sandbox.run(args.toArray(String[]::new));

        expectOk(second);
        assertThat(versions(second)).containsExactly("3", "2");
        assertThat(second.err()).contains("1 older version not listed").contains("--before 2'");
    }

    @Test
    void limitZero_listsEveryVersion_andALastPageSaysNothingMore() {
        writeVersions(4);

        CliRun all = sandbox.run("data", "bag", "history", "local", "app", "db", "--limit", "0", "--format", "json");
        CliRun last = sandbox.run("data", "bag", "history", "local", "app", "db", "--before", "2", "--format", "json");

        expectOk(all);
        assertThat(versions(all)).containsExactly("4", "3", "2", "1");
        assertThat(all.err()).isEmpty();
        expectOk(last);
        assertThat(versions(last)).containsExactly("1");
        assertThat(last.err()).isEmpty();
    }

    @Test
    void aNegativeLimit_isAUsageError_andAnUnknownVersionIsNotFound() {
        writeVersions(2);

        CliRun negative = sandbox.run("data", "bag", "history", "local", "app", "db", "--limit", "-1");
        CliRun unknown = sandbox.run("data", "bag", "history", "local", "app", "db", "--before", "77");

        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--limit must be 0 (all versions) or more");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no version '77'").contains("messer data bag history");
    }
}

package dev.messer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messer render}: templates filled with field values, raw, from several bags. */
class RenderCommandTest {

    @TempDir
    Path home;

    CliSandbox sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new CliSandbox(home).withBag()
                .upload(HostileValues.itemJson("hostile"))
                .upload("{\"id\":\"db.prod\",\"password\":\"s3cr3t-Pa55\",\"db\":{\"password\":\"inner\",\"port\":5432}}")
                .bag("web")
                .uploadTo("web", "{\"id\":\"api\",\"token\":\"<t&k>\"}");
    }

    private CliRun render(String template, String... args) throws Exception {
        Path file = Files.writeString(home.resolve("t.tmpl"), template);
        List<String> all = new ArrayList<>(List.of("render", "local", file.toString()));
        all.addAll(List.of(args));
        return sandbox.run(all.toArray(String[]::new));
    }

    @Test
    void placeholders_takeRawValues_fromSeveralBags_andNestedPaths() throws Exception {
        CliRun result = render("db.password={{app/db.prod/password}}\nport={{ app/db.prod/db/port }}\n"
                + "inner={{app/db.prod/db/password}}\ntoken={{web/api/token}}\n");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("db.password=s3cr3t-Pa55\nport=5432\ninner=inner\ntoken=<t&k>\n");
    }

    @Test
    void hostileValues_goInByteForByte() throws Exception {
        StringBuilder template = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<String, String> field : HostileValues.all().entrySet()) {
            template.append("[{{app/hostile/").append(field.getKey()).append("}}]");
            expected.append('[').append(field.getValue()).append(']');
        }
        CliRun result = render(template.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void otherDelimiters_leaveBracesAlone() throws Exception {
        CliRun result = render("{{ not.mine }} <% web/api/token %>", "--delimiters", "<% %>");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("{{ not.mine }} <t&k>");
    }

    @Test
    void unknownItem_missingField_andBadPlaceholders_areErrors_neverEmptyStrings() throws Exception {
        CliRun item = render("x={{web/nope/token}}");
        assertThat(item.exit()).isEqualTo(1);
        assertThat(item.err()).contains("nope").hasLineCount(1);
        assertThat(item.out()).isEmpty();
        CliRun field = render("x={{web/api/tokn}}");
        assertThat(field.exit()).isEqualTo(1);
        assertThat(field.err()).contains("'web/api/tokn'").contains("no field 'tokn'").hasLineCount(1);
        assertThat(render("x={{password}}").err()).contains("BAG/ITEM/PATH");
        assertThat(render("{{#app/db.prod/password}}x{{/app/db.prod/password}}").err()).contains("only plain placeholders");
        CliRun unclosed = render("x={{web/api/token");
        assertThat(unclosed.out()).as("an unclosed tag is text, as Mustache reads it").isEqualTo("x={{web/api/token");
    }

    @Test
    void output_isWrittenAtomicallyWithMode0600_replacingTheFile() throws Exception {
        Path target = Files.writeString(home.resolve("app.properties"), "old");
        CliRun result = render("pw={{app/db.prod/password}}\n", "-o", target.toString());
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(target)).isEqualTo("pw=s3cr3t-Pa55\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void failingRender_leavesTheOutputFileAsItWas() throws Exception {
        Path target = Files.writeString(home.resolve("app.properties"), "old");
        assertThat(render("pw={{app/db.prod/nope}}\n", "-o", target.toString()).exit()).isEqualTo(1);
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void check_validatesEveryReference_withoutPrintingValues() throws Exception {
        CliRun ok = render("a={{app/db.prod/password}} b={{web/api/token}}", "--check");
        assertThat(ok.exit()).as(ok.toString()).isZero();
        assertThat(ok.out()).isEmpty();
        assertThat(ok.err()).contains("2 placeholders from 2 items").doesNotContain("s3cr3t-Pa55");
        CliRun bad = render("a={{app/db.prod/nope}}", "--check");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("nope");
    }

    @Test
    void templateFromStandardInput() {
        CliRun result = sandbox.runWithInput("{{web/api/token}}", "render", "local", "-");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("<t&k>");
    }

    @Test
    void outputThatIsASymbolicLink_isRefusedNamingItsTarget_andNeitherLinkNorTargetChanges() throws Exception {
        Path elsewhere = Files.writeString(home.resolve("elsewhere.txt"), "someone else's file");
        Path link = Files.createSymbolicLink(home.resolve("app.properties"), elsewhere);

        CliRun result = render("pw={{app/db.prod/password}}\n", "-o", link.toString());

        assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).hasLineCount(1).startsWith("messer: -o " + link + " is a symbolic link to " + elsewhere
                + "; render writes secrets only to a file of its own, never through a link: remove the link with 'rm "
                + link + "' or name another file").doesNotContain("s3cr3t-Pa55");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(elsewhere);
        assertThat(Files.readString(elsewhere)).isEqualTo("someone else's file");
    }

    @Test
    void outputThatIsTheTemplateItself_underAnyName_isRefused_andTheTemplateIsKept() throws Exception {
        String template = "pw={{app/db.prod/password}}\n";
        Path file = Files.writeString(home.resolve("t.tmpl"), template);
        Files.createDirectories(home.resolve("sub"));
        Path hardLink = Files.createLink(home.resolve("sub/hard.tmpl"), file);
        Path linkToTemplate = Files.createSymbolicLink(home.resolve("sub/soft.tmpl"), file);
        for (String[] args : new String[][] {
                {file.toString(), file.toString()},
                {file.toString(), home.resolve("sub/../t.tmpl").toString()},
                {file.toString(), hardLink.toString()},
                {linkToTemplate.toString(), file.toString()}}) {
            CliRun result = sandbox.run("render", "local", args[0], "-o", args[1]);

            assertThat(result.exit()).as(String.join(" -o ", args) + ": " + result).isEqualTo(2);
            assertThat(result.err()).hasLineCount(1).startsWith("messer: -o " + args[1] + " is the template " + args[0]
                    + " itself, which the rendered secrets would replace; name another output file");
            assertThat(Files.readString(file)).isEqualTo(template);
        }
    }
}

package dev.messer.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Java and properties example of docs/jvm.md is text of a source that the tests compile and
 * run: the library example (run by {@link MesserClientTest}) and the example service (run on Spring
 * Boot 3.5 and 4.0 by the projects in src/it).
 */
class JvmDocExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```(java|properties)\\n(.*?)```", Pattern.DOTALL);
    private static final List<Path> SOURCES = List.of(
            Path.of("src/test/java/dev/messer/library/LibraryExample.java"),
            Path.of("src/it/example-service/src/main/java/dev/messer/example/ExampleService.java"),
            Path.of("src/it/example-service/src/main/resources/application.properties"));

    @Test
    void everyExample_isPartOfATestedSource() throws IOException {
        String doc = Files.readString(Path.of("docs/jvm.md"), StandardCharsets.UTF_8);
        List<String> sources = new ArrayList<>();
        for (Path source : SOURCES) {
            sources.add(normalized(Files.readString(source, StandardCharsets.UTF_8)));
        }
        Matcher block = BLOCK.matcher(doc);
        int examples = 0;
        while (block.find()) {
            examples++;
            String example = normalized(block.group(2));
            assertThat(sources).as("docs/jvm.md example %d is not in %s:%n%s", examples, SOURCES, block.group(2))
                    .anyMatch(source -> source.contains(example));
        }
        assertThat(examples).isGreaterThanOrEqualTo(3);
    }

    /** Each line without its indentation, blank lines dropped: the docs may indent an excerpt differently. */
    private static String normalized(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}

package dev.messer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/README.md indexes every page in docs/, and every page it links exists. */
class DocsIndexTest {

    private static final Path DOCS = Path.of("docs");

    @Test
    void everyPage_isIndexed_andEveryLinkExists() throws IOException {
        String index = Files.readString(DOCS.resolve("README.md"));
        List<String> pages;
        try (Stream<Path> files = Files.list(DOCS)) {
            pages = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md")).sorted().toList();
        }
        assertThat(pages).as("pages in docs/").hasSizeGreaterThan(5);
        assertThat(pages).allSatisfy(page -> assertThat(index).as("docs/README.md links " + page)
                .contains("](" + page + ")"));
        List<String> linked = java.util.regex.Pattern.compile("\\]\\(([a-z0-9-]+\\.md)\\)").matcher(index).results()
                .map(m -> m.group(1)).toList();
        assertThat(linked).allSatisfy(page -> assertThat(DOCS.resolve(page)).as("linked page").exists());
    }
}

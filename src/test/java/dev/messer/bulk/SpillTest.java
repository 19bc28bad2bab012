package dev.messer.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.UnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillTest {

    @TempDir
    Path dir;

    @Test
    void records_comeBackInTheOrderWritten_fromAFileNoOtherProcessCanOpenByName() throws IOException {
        List<ItemPath> read = new ArrayList<>();
        try (Spill<ItemPath> spill = Spill.in(dir, ItemListing.PATHS)) {
            IntStream.range(0, 50_000).forEach(i -> spill.add(new ItemPath("bag" + i % 7, "item" + i)));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as("unlinked as it is opened").isEmpty();
            }
            spill.forEach(read::add);
            assertThat(spill.size()).isEqualTo(50_000);
        }

        assertThat(read).hasSize(50_000);
        assertThat(read.get(0)).isEqualTo(new ItemPath("bag0", "item0"));
        assertThat(read.get(49_999)).isEqualTo(new ItemPath("bag" + 49_999 % 7, "item49999"));
    }

    @Test
    void spillReadOnce_takesNoMoreRecords() {
        try (Spill<ItemPath> spill = Spill.in(dir, ItemListing.PATHS)) {
            spill.add(new ItemPath("web", "a"));
            spill.iterator();

            assertThatThrownBy(() -> spill.add(new ItemPath("web", "b"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void folderThatCannotTakeIt_isAOneLineErrorNamingTheSetting() {
        Path missing = dir.resolve("missing");

        assertThatThrownBy(() -> Spill.in(missing, ItemListing.PATHS)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("java.io.tmpdir").hasMessageContaining(missing.toString());
    }
}

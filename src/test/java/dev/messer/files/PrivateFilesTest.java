package dev.messer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PrivateFiles#createNew}: all or nothing, never over an existing name (a real full disk: {@code FullDiskConfigureTest}). */
class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void createNew_writesTheWholeFile_mode0600_andLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("keys/new.key");
        PrivateFiles.createNew(file, "content".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("content");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.getAttribute(file, "unix:nlink")).isEqualTo(1);
        assertThat(names(file.getParent())).containsExactly("new.key");
    }

    @Test
    void aWriteThatFailsHalfway_asOnAFullDisk_leavesNoFileUnderTheName_andNoTemporaryFile() throws IOException {
        Path file = dir.resolve("new.key");
        PrivateFiles.ChannelWrite halfThenFull = (channel, content) -> {
            channel.write(ByteBuffer.wrap(content, 0, content.length / 2));
            throw new IOException("No space left on device");
        };

        assertThatThrownBy(() -> PrivateFiles.createNew(file, new byte[38], halfThenFull))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");

        assertThat(file).doesNotExist();
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void anExistingFileOrLink_isNeverReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("old.key"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.key"), dir.resolve("nowhere"));

        assertThatThrownBy(() -> PrivateFiles.createNew(file, new byte[] {1})).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> PrivateFiles.createNew(link, new byte[] {1})).isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(dir.resolve("nowhere")).doesNotExist();
        assertThat(names(dir)).containsExactlyInAnyOrder("old.key", "link.key");
    }

    @Test
    void aFileWhereTheFolderShouldBe_isNotMistakenForAnExistingTarget() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> PrivateFiles.createNew(plain.resolve("new.key"), new byte[] {1}))
                .isInstanceOf(FileSystemException.class).isNotInstanceOf(FileAlreadyExistsException.class)
                .satisfies(e -> assertThat(FileErrors.reason((IOException) e)).isEqualTo("Not a directory"));
    }

    private static java.util.List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}

package dev.messer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messer.error.AccessDeniedException;
import dev.messer.files.FileTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local bucket that someone else tampered with: links planted inside it, or folders another user
 * owns or may write. Each attack is first shown to reach outside the store, then refused.
 */
class LocalStoreTrustTest {

    @TempDir
    Path dir;

    private Path bucket() {
        return dir.resolve("root/bucket");
    }

    private Path outside() throws IOException {
        return Files.createDirectories(dir.resolve("outside"));
    }

    private LocalBlobStore store() {
        return new LocalBlobStore(bucket());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.count();
        }
    }

    @Test
    void bagFolderReplacedBySymlink_uploadIsRefused_andNothingIsWrittenOutside() throws IOException {
        store().put("dev/bag/first", bytes("x"), Map.of());
        Path bag = bucket().resolve("dev/bag");
        Files.walk(bag).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Files.createSymbolicLink(bag, outside());

        assertThatThrownBy(() -> store().put("dev/bag/item", bytes("overwritten"), Map.of("k", "v")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(bag + " is a symbolic link")
                .hasMessageContaining("rm " + bag);
        assertThat(entries(outside())).isZero();
    }

    @Test
    void symlinkedBagFolder_isNeitherReadNorListedNorDeletedThrough() throws IOException {
        Files.writeString(outside().resolve("item"), "theirs");
        Files.createDirectories(bucket().resolve("dev"));
        Files.createSymbolicLink(bucket().resolve("dev/bag"), outside());

        assertThatThrownBy(() -> store().get("dev/bag/item")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store().list("")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store().delete("dev/bag/item")).isInstanceOf(AccessDeniedException.class);
        assertThat(outside().resolve("item")).hasContent("theirs");
    }

    @Test
    void objectFileThatIsASymlink_isNotReadThrough() throws IOException {
        store().put("dev/bag/item", bytes("ours"), Map.of());
        Path secret = Files.writeString(outside().resolve("secret"), "not for the store");
        Files.delete(bucket().resolve("dev/bag/item"));
        Files.createSymbolicLink(bucket().resolve("dev/bag/item"), secret);

        assertThatThrownBy(() -> store().get("dev/bag/item")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void symlinkedLockFile_createsNothingAtItsTarget() throws IOException {
        Files.createDirectories(bucket());
        Path target = outside().resolve("created-by-lock");
        Files.createSymbolicLink(bucket().resolve("#lock"), target);

        assertThatThrownBy(() -> store().put("dev/bag/item", bytes("x"), Map.of()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("#lock is a symbolic link");
        assertThat(target).doesNotExist();
        assertThat(bucket().resolve("dev")).doesNotExist();
    }

    @Test
    void bucketFolderThatIsASymlink_isRefused() throws IOException {
        Files.createDirectories(bucket().getParent());
        Files.createSymbolicLink(bucket(), outside());
        assertThatThrownBy(() -> store().put("dev/bag/item", bytes("x"), Map.of()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("symbolic link");
        assertThat(entries(outside())).isZero();
    }

    @Test
    void groupOrOtherWritableBucketFolder_isRefusedWithChmodFix_andNothingWritten() throws IOException {
        Files.createDirectories(bucket());
        for (String mode : new String[] {"rwxrwx---", "rwx---rwx"}) {
            Files.setPosixFilePermissions(bucket(), PosixFilePermissions.fromString(mode));
            assertThatThrownBy(() -> store().put("dev/bag/item", bytes("x"), Map.of())).as(mode)
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("bucket folder " + bucket() + " is writable by group or others; run 'chmod go-w "
                            + bucket() + "'");
            assertThat(entries(bucket())).as(mode).isZero();
        }
    }

    @Test
    void groupWritableLocalRoot_isRefused() throws IOException {
        Files.createDirectories(bucket());
        Files.setPosixFilePermissions(bucket().getParent(), PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> store().list("")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("local_root " + bucket().getParent().toRealPath())
                .hasMessageContaining("chmod go-w");
    }

    @Test
    void bucketFolderOwnedByAnotherUser_isRefusedWithChownFix() throws IOException {
        Files.createDirectories(bucket());
        long owner = ((Number) Files.getAttribute(bucket(), "unix:uid")).longValue();
        LocalBlobStore asSomeoneElse = new LocalBlobStore(bucket(), new FileTrust(owner + 1));
        assertThatThrownBy(() -> asSomeoneElse.get("dev/bag/item")).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("owned by uid " + owner).hasMessageContaining("chown");
    }

    @Test
    void privateFoldersOfTheCaller_areAccepted() {
        store().put("dev/bag/item", bytes("x"), Map.of("k", "v"));
        assertThat(store().get("dev/bag/item")).hasValueSatisfying(b -> assertThat(b.metadata()).containsEntry("k", "v"));
        assertThat(store().list("")).containsExactly("dev/bag/item");
    }
}

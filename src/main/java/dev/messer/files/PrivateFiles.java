package dev.messer.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders and files only the owner can use: 0700 folders, 0600 files. */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }

    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyFolder() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    /** Creates {@code dir} and any missing parents with mode 0700; existing folders are left as they are. */
    public static void createDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, ownerOnlyFolder());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}

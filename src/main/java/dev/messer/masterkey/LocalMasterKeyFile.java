package dev.messer.masterkey;

import dev.messer.crypto.DataKey;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The key file behind a {@link LocalMasterKey}: {@code <local_root>/master-keys/<name>.key}, mode
 * 0600 in a 0700 folder. Format: the ASCII bytes {@code MSRK}, a format byte {@code 0x01}, a
 * protection byte ({@code 0x00} = none), then the 32 key bytes. A file that group or others can
 * read is refused, as ssh refuses such private keys.
 */
public final class LocalMasterKeyFile {

    static final byte[] HEADER = {'M', 'S', 'R', 'K', 0x01, 0x00};
    public static final String FOLDER = "master-keys";

    private LocalMasterKeyFile() {
    }

    public static Path pathFor(Path localRoot, String masterKeyName) {
        return localRoot.resolve(FOLDER).resolve(masterKeyName + ".key");
    }

    public static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** Creates a new random master key file. @throws AlreadyExistsException if the file exists */
    public static void create(Path file) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            try (DataKey key = DataKey.random()) {
                byte[] content = key.withMaterialForWrapping(material -> {
                    byte[] out = Arrays.copyOf(HEADER, HEADER.length + material.length);
                    System.arraycopy(material, 0, out, HEADER.length, material.length);
                    return out;
                });
                try (FileChannel channel = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))) {
                    channel.write(java.nio.ByteBuffer.wrap(content));
                    channel.force(true);
                } finally {
                    Arrays.fill(content, (byte) 0);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new AlreadyExistsException("master key file " + file + " already exists");
        } catch (IOException e) {
            throw new UnavailableException("cannot create master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the key. The caller owns the returned key and must close it. */
    public static LocalMasterKey open(Path file) {
        checkPermissions(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("master key file " + file + " does not exist; create it with "
                    + "'messer configure local' or 'messer quickstart'");
        } catch (IOException e) {
            throw new UnavailableException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
        try {
            if (content.length != HEADER.length + DataKey.LENGTH
                    || !Arrays.equals(Arrays.copyOf(content, HEADER.length), HEADER)) {
                throw new IntegrityException("master key file " + file + " is not a messer local master key");
            }
            DataKey key = DataKey.adopt(Arrays.copyOfRange(content, HEADER.length, content.length));
            return new LocalMasterKey(key, "local master key " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE);
            open.retainAll(perms);
            if (!open.isEmpty()) {
                throw new AccessDeniedException("master key file " + file + " is accessible by group or others (mode "
                        + PosixFilePermissions.toString(perms) + "); run 'chmod 600 " + file + "'");
            }
        } catch (NoSuchFileException e) {
            // reported by open() with the fix
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }
}

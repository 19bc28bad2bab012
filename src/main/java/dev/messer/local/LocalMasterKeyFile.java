package dev.messer.local;

import dev.messer.crypto.DataKey;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.error.NotFoundException;
import dev.messer.error.UnavailableException;
import dev.messer.files.FileErrors;
import dev.messer.files.FileTrust;
import dev.messer.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The key file behind a {@link LocalMasterKey}: {@code <local_root>/master-keys/<name>.key}, mode
 * 0600 in a 0700 folder. Format: the ASCII bytes {@code MSRK}, a format byte {@code 0x01}, a
 * protection byte, then the key: {@code 0x00} = the 32 key bytes as they are; {@code 0x01} = sealed
 * under a passphrase (see {@link PassphraseProtection}). A file that group or others can read is
 * refused, as ssh refuses such private keys. So are a key file, its folder or the local root that
 * another user owns or may write (see {@link FileTrust}), and a key file or folder that is a symbolic
 * link: whoever could swap the key file could make messer wrap new data keys under a key they know.
 */
public final class LocalMasterKeyFile {

    static final byte[] HEADER = {'M', 'S', 'R', 'K', 0x01, 0x00};
    static final int PROTECTION_OFFSET = 5;
    public static final String FOLDER = "master-keys";

    private LocalMasterKeyFile() {
    }

    public static Path pathFor(Path localRoot, String masterKeyName) {
        return localRoot.resolve(FOLDER).resolve(masterKeyName + ".key");
    }

    public static boolean exists(Path file) {
        return Files.exists(file);
    }

    /** Creates a new random master key file, unprotected. @throws AlreadyExistsException if the file exists */
    public static void create(Path file) {
        try (DataKey key = DataKey.random()) {
            writeNew(file, key.withMaterialForWrapping(LocalMasterKeyFile::plainContent));
        }
    }

    /** Creates a new random master key file sealed under {@code passphrase}. The caller wipes the passphrase. */
    public static void createProtected(Path file, char[] passphrase) {
        createProtected(file, passphrase, Argon2idParameters.DEFAULT);
    }

    static void createProtected(Path file, char[] passphrase, Argon2idParameters costs) {
        try (DataKey key = DataKey.random()) {
            writeNew(file, key.withMaterialForWrapping(m -> PassphraseProtection.seal(protectedHeader(), m,
                    passphrase, costs)));
        }
    }

    /**
     * Refuses a key file that cannot be a master key: empty, without the header, or of the wrong
     * length for its protection (what a write cut short by a full disk or a crash leaves). Needs no
     * passphrase; a protection this version does not know is left for {@link #open} to report.
     */
    public static void checkIntact(Path file) {
        byte[] content = read(file);
        try {
            boolean intact = hasMagic(content) && content.length > PROTECTION_OFFSET
                    && switch (content[PROTECTION_OFFSET]) {
                        case 0x00 -> content.length == HEADER.length + DataKey.LENGTH;
                        case PassphraseProtection.PROTECTION -> content.length == PassphraseProtection.length(HEADER.length);
                        default -> true;
                    };
            if (!intact) {
                throw new IntegrityException("master key file " + file + (content.length == 0 ? " is empty"
                        : " is damaged (" + content.length + " bytes)") + ", so it is not a messer local master key",
                        Hint.of("if nothing was encrypted under it, remove it with 'rm {}' and run {} again, else "
                                + "restore it from your backup", file, Hint.local("configure")));
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** True if the file is sealed under a passphrase. */
    public static boolean isProtected(Path file) {
        byte[] content = read(file);
        try {
            return content.length > PROTECTION_OFFSET && hasMagic(content)
                    && content[PROTECTION_OFFSET] == PassphraseProtection.PROTECTION;
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Seals an existing unprotected key file under {@code passphrase}, replacing it atomically (the key
     * itself does not change, so everything wrapped under it still opens).
     */
    public static void protect(Path file, char[] passphrase) {
        protect(file, passphrase, Argon2idParameters.DEFAULT);
    }

    static void protect(Path file, char[] passphrase, Argon2idParameters costs) {
        try (LocalMasterKey current = open(file, unused -> {
            throw new AlreadyExistsException("master key file " + file + " is already protected by a passphrase");
        })) {
            byte[] content = current.keyForFile().withMaterialForWrapping(m -> PassphraseProtection.seal(
                    protectedHeader(), m, passphrase, costs));
            replace(file, content);
        }
    }

    /** Reads an unprotected key. The caller owns the returned key and must close it. */
    public static LocalMasterKey open(Path file) {
        return open(file, PassphraseSource.fromEnvironment(java.util.Map.of()));
    }

    /**
     * Reads the key, asking {@code passphrases} when the file is protected. The caller owns the
     * returned key and must close it.
     */
    public static LocalMasterKey open(Path file, PassphraseSource passphrases) {
        return open(file, passphrases, null);
    }

    /**
     * Like {@link #open(Path, PassphraseSource)}, and refuses a file that is not sealed under a
     * passphrase when the configuration says it must be: a protected key swapped for an unprotected
     * one (a key someone else knows) is not used.
     *
     * @param protectionRequiredBy where the configuration requires protection, such as
     *                             "master_key_protected = true in [profile local]"; null when it does not
     */
    public static LocalMasterKey open(Path file, PassphraseSource passphrases, String protectionRequiredBy) {
        checkTrusted(file, FileTrust.currentUser());
        byte[] content = read(file);
        try {
            if (!hasMagic(content) || content.length <= PROTECTION_OFFSET) {
                throw notAKeyFile(file);
            }
            byte protection = content[PROTECTION_OFFSET];
            DataKey key;
            if (protection == HEADER[PROTECTION_OFFSET] && protectionRequiredBy != null) {
                throw new IntegrityException("master key file " + file + " is not protected by a passphrase, but "
                        + protectionRequiredBy + " says it must be, so it may have been swapped; restore it from your "
                        + "backup, or if you removed the protection yourself set master_key_protected = false");
            }
            if (protection == HEADER[PROTECTION_OFFSET]) {
                if (content.length != HEADER.length + DataKey.LENGTH) {
                    throw notAKeyFile(file);
                }
                key = DataKey.adopt(Arrays.copyOfRange(content, HEADER.length, content.length));
            } else if (protection == PassphraseProtection.PROTECTION) {
                if (content.length != PassphraseProtection.length(HEADER.length)) {
                    throw notAKeyFile(file);
                }
                char[] passphrase = passphrases.passphraseFor(file);
                try {
                    key = PassphraseProtection.open(content, HEADER.length, passphrase, file);
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            } else {
                throw new IntegrityException("master key file " + file + " uses protection " + protection
                        + ", which this version does not know");
            }
            return new LocalMasterKey(key, "local master key " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] plainContent(byte[] material) {
        byte[] out = Arrays.copyOf(HEADER, HEADER.length + material.length);
        System.arraycopy(material, 0, out, HEADER.length, material.length);
        return out;
    }

    private static byte[] protectedHeader() {
        byte[] header = HEADER.clone();
        header[PROTECTION_OFFSET] = PassphraseProtection.PROTECTION;
        return header;
    }

    private static boolean hasMagic(byte[] content) {
        return content.length >= PROTECTION_OFFSET
                && Arrays.equals(Arrays.copyOf(content, PROTECTION_OFFSET), Arrays.copyOf(HEADER, PROTECTION_OFFSET));
    }

    private static IntegrityException notAKeyFile(Path file) {
        return new IntegrityException("master key file " + file + " is not a messer local master key");
    }

    /**
     * Refuses the local root, the key folder or the key file when another user owns or may write
     * them, or when the folder or the file is a symbolic link.
     */
    public static void checkTrusted(Path file, FileTrust trust) {
        Path folder = file.toAbsolutePath().getParent();
        Path localRoot = folder.getParent();
        try {
            if (localRoot != null && folder.getFileName().toString().equals(FOLDER) && Files.isDirectory(localRoot)) {
                trust.requirePrivate(localRoot.toRealPath(), "local_root");
            }
        } catch (IOException e) {
            throw new UnavailableException("cannot read " + localRoot + ": " + e.getMessage(), e);
        }
        trust.requirePrivate(folder, "master key folder");
        if (Files.isSymbolicLink(file)) {
            trust.requirePrivate(file, "master key file");
        }
        FileTrust.requireOwnerOnly(file, "master key file");
        trust.requirePrivate(file, "master key file");
    }

    private static byte[] read(Path file) {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            return java.nio.channels.Channels.newInputStream(channel).readAllBytes();
        } catch (NoSuchFileException e) {
            throw new NotFoundException("master key file " + file + " does not exist; restore it from your backup "
                    + "(mode 0600): a new key cannot open anything encrypted under the old one");
        } catch (IOException e) {
            throw new UnavailableException("cannot read master key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code content} (then wipes it) to a file that must not exist yet, mode 0600, all or
     * nothing: a full disk or a crash leaves no key file, never an empty or partial one.
     */
    private static void writeNew(Path file, byte[] content) {
        try {
            PrivateFiles.createNew(file, content);
        } catch (FileAlreadyExistsException e) {
            throw new AlreadyExistsException("master key file " + file + " already exists");
        } catch (IOException e) {
            throw new UnavailableException("cannot create master key file " + file + " (" + FileErrors.reason(e) + "); "
                    + FileErrors.fix(e, file.toAbsolutePath().getParent(), "check the permissions of "
                    + file.toAbsolutePath().getParent()), e);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Replaces the file through a synced 0600 temporary file and a rename: old or new, never torn. */
    private static void replace(Path file, byte[] content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(file.getParent(), ".messer-key-", ".tmp", PrivateFiles.ownerOnlyFile());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                PrivateFiles.writeFully(channel, content);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UnavailableException("cannot rewrite master key file " + file + " (" + FileErrors.reason(e) + "); "
                    + FileErrors.fix(e, file.toAbsolutePath().getParent(), "check the permissions of "
                    + file.toAbsolutePath().getParent()), e);
        } finally {
            Arrays.fill(content, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the rename took it, or it is an empty leftover only the owner can read
                }
            }
        }
    }
}

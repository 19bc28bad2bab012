package dev.messer.app;

import dev.messer.local.LocalMasterKeyFile;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * The master key file of a local profile, for the commands that create and seal it (configure,
 * quickstart). Only {@link Sessions#localKeyFile} makes one.
 */
public final class LocalKeyFile {

    private final Path file;
    private final IntSupplier storedKeyVersions;

    LocalKeyFile(Path file, IntSupplier storedKeyVersions) {
        this.file = file;
        this.storedKeyVersions = storedKeyVersions;
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return LocalMasterKeyFile.exists(file);
    }

    /** @throws dev.messer.error.MesserException when the file is not a master key file as messer writes it */
    public void checkIntact() {
        LocalMasterKeyFile.checkIntact(file);
    }

    public boolean isProtected() {
        return LocalMasterKeyFile.isProtected(file);
    }

    /** Creates a new key, protected by {@code passphrase} unless it is null. */
    public void create(char[] passphrase) {
        if (passphrase == null) {
            LocalMasterKeyFile.create(file);
        } else {
            LocalMasterKeyFile.createProtected(file, passphrase);
        }
    }

    /** Seals the existing key under {@code passphrase}; the key itself is unchanged. */
    public void protect(char[] passphrase) {
        LocalMasterKeyFile.protect(file, passphrase);
    }

    /** How many data key versions the profile's keys folder holds, all wrapped by some master key. */
    public int storedKeyVersions() {
        return storedKeyVersions.getAsInt();
    }
}

package dev.messer.files;

import dev.messer.error.AccessDeniedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file or folder may be trusted by the user running messer: owned by that user (or, where
 * allowed, by root) and not writable by anyone else. Another user who can write a store folder, a
 * key file or a configuration file could swap what messer reads, so such paths are refused with the
 * command that fixes them. On a file system without POSIX attributes nothing is checked.
 */
public final class FileTrust {

    /** What is wrong with a path and the command that fixes it. */
    public record Problem(String problem, String fix) {
        public String message() {
            return problem + "; " + fix;
        }
    }

    private static final int ROOT = 0;

    private final long callerUid;

    public FileTrust(long callerUid) {
        this.callerUid = callerUid;
    }

    /** For the user running this process; checks ownership only where the uid can be known. */
    public static FileTrust currentUser() {
        return new FileTrust(CurrentUser.uid());
    }

    /**
     * A store folder or key file: owned by the caller, not writable by group or others, and not a
     * symbolic link. A missing path is fine: messer creates it private.
     */
    public Optional<Problem> privateProblem(Path path, String what) {
        Optional<PosixFileAttributes> read = attributes(path);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        PosixFileAttributes attrs = read.get();
        if (attrs.isSymbolicLink()) {
            return Optional.of(new Problem(what + " " + path + " is a symbolic link, which messer never follows "
                    + "inside local_root", "remove the link with 'rm " + path + "' and put the real folder or file there"));
        }
        long owner = uid(path);
        if (owner >= 0 && callerUid >= 0 && owner != callerUid) {
            return Optional.of(new Problem(what + " " + path + " is owned by uid " + owner + ", not by you (uid "
                    + callerUid + ")", "run 'chown -R " + callerUid + " " + path + "' as root, or point local_root "
                    + "at a folder you own"));
        }
        Set<PosixFilePermission> mode = attrs.permissions();
        if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            return Optional.of(new Problem(what + " " + path + " is writable by group or others",
                    "run 'chmod go-w " + path + "'"));
        }
        return Optional.empty();
    }

    /** True when {@code path} itself (not a link's target) belongs to the caller. */
    public boolean ownedByCaller(Path path) {
        long owner = uid(path);
        return owner >= 0 && owner == callerUid;
    }

    /** Throws {@link AccessDeniedException} with the fix when {@link #privateProblem} finds one. */
    public void requirePrivate(Path path, String what) {
        privateProblem(path, what).ifPresent(p -> {
            throw new AccessDeniedException(p.message());
        });
    }

    /**
     * A file that holds a secret (a key, a passphrase): refused when group or others may read or write
     * it, judged through any symbolic link. A missing file, or one on a file system without POSIX
     * attributes, passes: opening it reports the rest.
     */
    public static void requireOwnerOnly(Path file, String what) {
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(mode);
        if (!open.isEmpty()) {
            throw new AccessDeniedException(what + " " + file + " is accessible by group or others (mode "
                    + PosixFilePermissions.toString(mode) + "); run 'chmod 600 " + file + "'");
        }
    }

    /**
     * A file the caller hands messer a secret in: {@link #requireOwnerOnly}, and owned by the caller
     * or root (judged through any symbolic link), so that no other user can change what it holds.
     */
    public void requireSecretFile(Path file, String what) {
        long owner = uidFollowing(file);
        if (owner >= 0 && callerUid >= 0 && owner != callerUid && owner != ROOT) {
            throw new AccessDeniedException(what + " " + file + " is owned by uid " + owner + ", not by you (uid "
                    + callerUid + ") or root; keep the file in a folder of your own, mode 600");
        }
        requireOwnerOnly(file, what);
    }

    /** How a configuration file may be trusted, as ssh judges its own configuration. */
    public enum ConfigVerdict { TRUSTED, GROUP_WRITABLE }

    /**
     * A configuration file: refused when others can write it or when it belongs to a user other than
     * the caller or root; a group-writable file is accepted with a warning (a checkout made under
     * umask 002 is 0664). The file itself is judged, through any symbolic link.
     */
    public ConfigVerdict checkConfig(Path file) {
        PosixFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException | IOException e) {
            return ConfigVerdict.TRUSTED;
        }
        long owner = uidFollowing(file);
        if (owner >= 0 && callerUid >= 0 && owner != callerUid && owner != ROOT) {
            throw new AccessDeniedException("config file " + file + " is owned by uid " + owner
                    + ", not by you (uid " + callerUid + ") or root; take it over with 'cp " + file
                    + " ~/.config/messer/messer.ini' and use that copy");
        }
        Set<PosixFilePermission> mode = attrs.permissions();
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new AccessDeniedException("config file " + file + " is writable by others; run 'chmod o-w "
                    + file + "'");
        }
        return mode.contains(PosixFilePermission.GROUP_WRITE) ? ConfigVerdict.GROUP_WRITABLE : ConfigVerdict.TRUSTED;
    }

    private static Optional<PosixFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    private static long uid(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return -1;
        }
    }

    private static long uidFollowing(Path path) {
        try {
            return ((Number) Files.getAttribute(path, "unix:uid")).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return -1;
        }
    }
}

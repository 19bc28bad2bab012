package dev.messer.doctor;

import dev.messer.app.LocalKeyFile;
import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.config.LocalSettings;
import dev.messer.config.Settings;
import dev.messer.error.Hint;
import dev.messer.files.FileTrust;
import dev.messer.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The checks of a local profile: local root, master key file (present, owner-only, readable),
 * the keys and secrets folders, a test wrap/unwrap, and the latest version of every data key. The
 * folders and the key file are judged as the commands judge them ({@link FileTrust}): a symbolic
 * link, another owner, or write access for group or others fails the check with its fix.
 */
public final class LocalDoctor {

    private LocalDoctor() {
    }

    /** Adds the local checks after a passed "config" check that produced {@code settings}. */
    public static void check(Checklist list, Settings settings, Sessions sessions) {
        try (Session<LocalBackend> session = sessions.local(settings)) {
            check(list, settings, session, sessions.localKeyFile(settings));
        }
    }

    private static void check(Checklist list, Settings settings, Session<LocalBackend> session, LocalKeyFile key) {
        Path localRoot = session.backend().root();
        list.check("local root", () -> {
            if (!Files.isDirectory(localRoot)) {
                throw new Checklist.Failure(localRoot + " does not exist",
                        Hint.of("run {} (or set local_root to the right folder)", Hint.local("configure")));
            }
            trusted(localRoot.toRealPath(), "local_root");
            return localRoot.toString();
        }, "config");
        Path keyFile = session.backend().masterKeyFile();
        list.check("master key file", () -> {
            if (!Files.exists(keyFile, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                if (key.storedKeyVersions() == 0 && noItems(session)) {
                    throw new Checklist.Failure(keyFile + " does not exist yet, and no data key or item uses it",
                            Hint.of("create it with {}", Hint.local("configure")));
                }
                throw new Checklist.Failure(keyFile + " does not exist", Hint.text("restore it from your backup "
                        + "(mode 0600); a new key cannot open what the old one protected"));
            }
            trusted(keyFile.getParent(), "master key folder");
            trusted(keyFile, "master key file");
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(mode)) {
                throw new Checklist.Failure(keyFile + " has mode " + PosixFilePermissions.toString(mode)
                        + "; others may read it", Hint.text("chmod 600 " + keyFile));
            }
            return keyFile + " (rw-------)";
        }, "local root");
        LocalSettings local = settings.local();
        list.check("keys bucket", () -> folder(localRoot.resolve(local.keysBucket().value()),
                Hint.of("create a data key: {}", Hint.local("encryption create", "KEY_NAME"))), "local root");
        list.check("secrets bucket", () -> folder(localRoot.resolve(local.secretsBucket().value()),
                Hint.of("create a bag: {}", Hint.local("data bag create", "BAG"))), "local root");
        list.check("wrap/unwrap", () -> KeyProbe.wrapUnwrap(session.backend().masterKey()), "master key file");
        list.check("data keys", () -> KeyProbe.latestKeysUnwrap(session), "wrap/unwrap", "keys bucket");
        list.check("key versions", () -> KeyProbe.rollbackSuspects(session), "keys bucket");
        list.check("item formats", () -> KeyProbe.itemFormats(session), "secrets bucket");
        list.check("recovery wraps", () -> RecoveryAudit.recoveryWraps(session), "keys bucket");
        list.check("old master keys", () -> RecoveryAudit.recordedMasterKeys(session, name -> {
            session.backend().masterKey(name);
            return name + " (key file present)";
        }), "keys bucket");
    }

    /**
     * Whether the profile's tier holds no item yet (a fresh profile), so no master key was ever needed;
     * the listing stops at the first item.
     */
    private static boolean noItems(Session<LocalBackend> session) {
        return !session.bags().hasItems();
    }

    private static String folder(Path folder, Hint fix) {
        trusted(folder, "bucket folder");
        if (!Files.isDirectory(folder)) {
            throw new Checklist.Failure(folder + " does not exist", fix);
        }
        return folder.toString();
    }

    private static void trusted(Path path, String what) {
        FileTrust.currentUser().privateProblem(path, what).ifPresent(p -> {
            throw new Checklist.Failure(p.problem(), Hint.text(p.fix()));
        });
    }
}

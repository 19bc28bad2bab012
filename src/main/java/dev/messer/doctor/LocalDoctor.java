package dev.messer.doctor;

import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.config.SettingKey;
import dev.messer.config.Settings;
import dev.messer.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The checks of a local profile: local root, master key file (present, owner-only, readable),
 * the keys and secrets folders, a test wrap/unwrap, and the latest version of every data key.
 */
public final class LocalDoctor {

    private LocalDoctor() {
    }

    /** Adds the local checks after a passed "config" check that produced {@code settings}. */
    public static void check(Checklist list, Settings settings, Sessions sessions) {
        try (Session<LocalBackend> session = sessions.local(settings)) {
            check(list, settings, session);
        }
    }

    private static void check(Checklist list, Settings settings, Session<LocalBackend> session) {
        Path localRoot = session.backend().root();
        list.check("local root", () -> {
            if (!Files.isDirectory(localRoot)) {
                throw new Checklist.Failure(localRoot + " does not exist",
                        "run 'messer configure local' (or set local_root to the right folder)");
            }
            return localRoot.toString();
        }, "config");
        Path keyFile = session.backend().masterKeyFile();
        list.check("master key file", () -> {
            if (!Files.exists(keyFile)) {
                throw new Checklist.Failure(keyFile + " does not exist",
                        "run 'messer configure local' to create it, or restore it from your backup");
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
            if (!Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(mode)) {
                throw new Checklist.Failure(keyFile + " has mode " + PosixFilePermissions.toString(mode)
                        + "; others may read it", "chmod 600 " + keyFile);
            }
            return keyFile + " (rw-------)";
        }, "local root");
        list.check("keys bucket", () -> folder(localRoot.resolve(settings.get(SettingKey.KEYS_BUCKET)),
                "create a data key: messer encryption create local KEY_NAME"), "local root");
        list.check("secrets bucket", () -> folder(localRoot.resolve(settings.get(SettingKey.SECRETS_BUCKET)),
                "create a bag: messer data bag create local BAG"), "local root");
        list.check("wrap/unwrap", () -> KeyProbe.wrapUnwrap(session.backend().masterKey()), "master key file");
        list.check("data keys", () -> KeyProbe.latestKeysUnwrap(session), "wrap/unwrap", "keys bucket");
    }

    private static String folder(Path folder, String fix) {
        if (!Files.isDirectory(folder)) {
            throw new Checklist.Failure(folder + " does not exist", fix);
        }
        return folder.toString();
    }
}

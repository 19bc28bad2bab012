package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.error.IntegrityException;
import dev.messer.recovery.KeyRewrap;
import dev.messer.recovery.RecoveryPrivateKey;
import java.nio.file.Path;

/**
 * {@code messer recovery restore aws|local --private-key FILE --to-master-key NAME [KEY_NAME...]}:
 * opens each version's recovery wrap with the offline private key and wraps it under the new master
 * key, with no call to the master key that was lost. No item is touched.
 */
final class RecoveryRestoreCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME.optional().repeated())
            .options("--private-key FILE --to-master-key NAME");

    @Parameter(names = "--private-key", description = "The recovery private key file (PKCS#8 PEM, mode 600; "
            + "its passphrase from MESSER_PASSPHRASE or the terminal)", required = true)
    String privateKey;

    @Parameter(names = "--to-master-key", description = "The master key to wrap every version under (a KMS alias "
            + "name on aws, a key file name under local_root/master-keys on local)", required = true)
    String toMasterKey;

    RecoveryRestoreCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            Path file = Path.of(privateKey);
            RecoveryPrivateKey key = RecoveryPrivateKey.read(file, () -> new PassphrasePrompt(console)
                    .existing("private key file " + file));
            String pinned = session.settings().common().recoveryKeyFingerprint();
            String fingerprint = key.publicKey().fingerprint();
            if (!pinned.isEmpty() && !pinned.equals(fingerprint)) {
                throw new IntegrityException("private key file " + file + " is the private half of recovery key "
                        + fingerprint + ", but the profile pins " + pinned + "; use the private key of the pinned one");
            }
            KeyRewrap.Counts counts = new KeyRewrap(session.keyRing(), session.recovery(),
                    (ref, what) -> console.info(ref + ": " + what)).restore(words.subList(1, words.size()), key,
                    toMasterKey);
            console.report("Restored " + counts.changed() + " key version(s) under " + toMasterKey + "; "
                    + counts.unchanged() + " already were. No item was changed.");
            if (!KeyRewrap.plain(toMasterKey).equals(KeyRewrap.plain(session.backend().masterKeyName()))) {
                console.info(context.hints().message("new versions are still made by master key "
                        + session.backend().masterKeyName(), Hint.of("point the profile at the new one with {}",
                        Hint.command("configure", "-m", KeyRewrap.plain(toMasterKey)))));
            }
        }
        return ExitCodes.OK;
    }
}

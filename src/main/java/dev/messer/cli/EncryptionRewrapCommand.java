package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.error.ConfigException;
import dev.messer.error.Hint;
import dev.messer.recovery.KeyRewrap;
import dev.messer.recovery.RecoveryPublicKey;

/**
 * {@code messer encryption rewrap aws|local [KEY_NAME...] [--to-master-key NAME] [--add-recovery]}:
 * gives every version of the keys a new master key wrap, a recovery wrap, or both, and touches no
 * item. Running it again completes a run that stopped.
 */
final class EncryptionRewrapCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME.optional().repeated())
            .options("[--to-master-key NAME] [--add-recovery]");

    @Parameter(names = "--to-master-key", description = "Wrap every version under this master key (a KMS alias "
            + "name on aws, a key file name under local_root/master-keys on local)")
    String toMasterKey;

    @Parameter(names = "--add-recovery", description = "Add the recovery wrap, under the profile's pinned recovery "
            + "key, to every version that lacks it")
    boolean addRecovery;

    EncryptionRewrapCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        if (toMasterKey == null && !addRecovery) {
            throw new UsageException("say what to do: --to-master-key NAME, --add-recovery, or both");
        }
        if (toMasterKey != null && toMasterKey.isBlank()) {
            throw new UsageException("--to-master-key needs a master key name");
        }
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            RecoveryPublicKey recoveryKey = null;
            if (addRecovery) {
                String pinned = session.settings().common().recoveryKeyFingerprint();
                if (pinned.isEmpty()) {
                    throw new ConfigException("--add-recovery: this profile pins no recovery key",
                            Hint.of("pin one with {}", Hint.command("recovery set", "PUBLIC_KEY_FILE")));
                }
                recoveryKey = session.recovery().pinnedPublicKey(pinned);
            }
            KeyRewrap.Counts counts = new KeyRewrap(session.keyRing(), session.recovery(),
                    (ref, what) -> console.info(ref + ": " + what)).rewrap(words.subList(1, words.size()),
                    toMasterKey, recoveryKey);
            console.report("Re-wrapped " + counts.changed() + " key version(s); " + counts.unchanged()
                    + " needed nothing. No item was changed.");
            String current = KeyRewrap.plain(session.backend().masterKeyName());
            if (toMasterKey != null && !KeyRewrap.plain(toMasterKey).equals(current)) {
                console.info(context.hints().message("new versions are still made by master key "
                        + session.backend().masterKeyName(), Hint.of("point the profile at the new one with {}",
                        Hint.command("configure", "-m", KeyRewrap.plain(toMasterKey)))));
            }
        }
        return ExitCodes.OK;
    }
}

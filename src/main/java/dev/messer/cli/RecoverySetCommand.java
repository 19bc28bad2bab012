package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.config.ConfigWriter;
import dev.messer.config.Setting;
import dev.messer.error.Hint;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.InvalidInputException;
import dev.messer.files.FileErrors;
import dev.messer.recovery.RecoveryPublicKey;
import dev.messer.recovery.RecoveryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code messer recovery set aws|local PUBLIC_KEY_FILE}: stores the recovery public key in the keys
 * bucket and pins its fingerprint in the profile ({@code recovery_key_fingerprint}). From then on
 * every new key version of the profile is also wrapped under it.
 */
final class RecoverySetCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.word("PUBLIC_KEY_FILE"));

    RecoverySetCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Path file = Path.of(words.get(1));
        RecoveryPublicKey key = RecoveryPublicKey.fromPem(read(file), "public key file " + file);
        Console console = context.console();
        try (Session<?> session = context.session(words.get(0))) {
            session.recovery().storePublicKey(key);
            console.info("Stored recovery key " + key.describe() + " as " + RecoveryStore.PUBLIC_KEY + " in "
                    + session.recovery().describe());
            Map<Setting, String> pin = new EnumMap<>(Setting.class);
            pin.put(Setting.RECOVERY_KEY_FINGERPRINT, key.fingerprint());
            ConfigWriter.Written written = new ConfigWriter(context.resolver()).update(context.configPath(),
                    session.settings().provider(), context.profileName(), pin, settings -> { });
            console.info(context.hints().message("pinned it in " + written.where() + " of " + context.configPath()
                    + "; new key versions are wrapped under it", Hint.of("add it to existing versions with {}",
                    Hint.command("encryption rewrap", "--add-recovery"))));
        }
        console.report("recovery_key_fingerprint = " + key.fingerprint());
        return ExitCodes.OK;
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > 16 * 1024) {
                throw new InvalidInputException("public key file " + file + " is larger than a public key");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("public key file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new AccessDeniedException("cannot read public key file " + file + ": " + FileErrors.reason(e));
        }
    }
}

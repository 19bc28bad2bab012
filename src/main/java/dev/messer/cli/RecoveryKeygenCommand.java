package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.error.AccessDeniedException;
import dev.messer.error.AlreadyExistsException;
import dev.messer.files.FileErrors;
import dev.messer.recovery.RecoveryKeyGen;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * {@code messer recovery keygen PRIVATE_KEY_FILE PUBLIC_KEY_FILE [--rsa] [--passphrase]}: makes a
 * recovery key pair (X25519, or RSA-3072 with {@code --rsa}). The private key file is created with
 * mode 0600, encrypted under a passphrase with {@code --passphrase}; neither file is ever replaced.
 */
final class RecoveryKeygenCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.word("PRIVATE_KEY_FILE"), Positional.word("PUBLIC_KEY_FILE"))
            .options("[--rsa] [--passphrase]");

    @Parameter(names = "--rsa", description = "Make an RSA-3072 key (RSA-OAEP-256) instead of X25519 (HPKE)")
    boolean rsa;

    @Parameter(names = "--passphrase", description = "Encrypt the private key under a passphrase "
            + "(MESSER_PASSPHRASE, else asked twice on the terminal)")
    boolean passphrase;

    RecoveryKeygenCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Path privateFile = Path.of(words.get(0));
        Path publicFile = Path.of(words.get(1));
        for (Path file : new Path[] {privateFile, publicFile}) {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new AlreadyExistsException(file + " exists; messer never replaces a key file, so name a new one");
            }
        }
        char[] secret = passphrase ? new PassphrasePrompt(context.console()).chooseNew("private key file "
                + privateFile) : null;
        RecoveryKeyGen.Pair pair;
        try {
            pair = RecoveryKeyGen.generate(rsa, secret);
        } finally {
            PassphrasePrompt.wipe(secret);
        }
        try {
            write(privateFile, pair.privatePem(), "rw-------");
        } finally {
            Arrays.fill(pair.privatePem(), (byte) 0);
        }
        write(publicFile, pair.publicKey().toPemBytes(), "rw-r--r--");
        Console console = context.console();
        console.info("Wrote the private key to " + privateFile + (passphrase ? " (encrypted)" : "")
                + ": keep it offline, away from every machine that runs messer.");
        console.info("Wrote the public key to " + publicFile + "; store it with 'messer recovery set aws|local "
                + publicFile + "'.");
        console.report("recovery key " + pair.publicKey().describe() + " " + pair.publicKey().fingerprint());
        return ExitCodes.OK;
    }

    private static void write(Path file, byte[] content, String mode) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
            Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new AlreadyExistsException(file + " exists; messer never replaces a key file, so name a new one");
        } catch (IOException e) {
            throw new AccessDeniedException("cannot write " + file + ": " + FileErrors.reason(e));
        }
    }
}

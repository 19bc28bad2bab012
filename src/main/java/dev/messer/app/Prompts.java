package dev.messer.app;

import dev.messer.error.AccessDeniedException;
import dev.messer.error.Hint;
import java.nio.file.Path;

/**
 * How a session asks the person who runs the command: for an MFA code when a role is assumed with
 * {@code mfa_serial}, and for the passphrase of a protected local master key file. The command line
 * asks on the terminal; {@link #NEVER} refuses both, for runs that must never wait for an answer.
 */
public interface Prompts {

    /** Never asks: a role that needs an MFA code and a protected master key file are refused. */
    Prompts NEVER = new Prompts() {
        @Override
        public String mfaCode(String serial) {
            throw new AccessDeniedException("no MFA code is asked for " + serial + " in this run",
                    Hint.of("run {} first", Hint.aws("login")));
        }

        @Override
        public char[] passphrase(Path keyFile) {
            throw new AccessDeniedException("no passphrase is asked for " + keyFile + " in this run");
        }
    };

    /** @param serial the MFA device ARN, for the prompt */
    String mfaCode(String serial);

    /** @param keyFile the protected file, for the prompt; the caller owns the returned array and wipes it */
    char[] passphrase(Path keyFile);
}

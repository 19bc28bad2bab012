package dev.messer.cli;

import dev.messer.app.Prompts;
import java.nio.file.Path;

/**
 * The command line's answers to a session's questions: an MFA code from {@code MESSER_MFA_TOKEN},
 * else typed on the terminal; the passphrase of a protected local master key from
 * {@code MESSER_PASSPHRASE}, else typed on the terminal without echo.
 */
final class TerminalPrompts implements Prompts {

    private final Console console;

    TerminalPrompts(Console console) {
        this.console = console;
    }

    @Override
    public String mfaCode(String serial) {
        String fromEnv = console.env().get("MESSER_MFA_TOKEN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        if (!console.terminal().interactive()) {
            throw new UsageException("role assumption needs an MFA code for " + serial
                    + " and there is no terminal to ask on; set MESSER_MFA_TOKEN");
        }
        String code = console.terminal().readLine("MFA code for " + serial + ": ");
        if (code == null || code.isBlank()) {
            throw new UsageException("no MFA code was entered for " + serial);
        }
        return code.trim();
    }

    @Override
    public char[] passphrase(Path keyFile) {
        return new PassphrasePrompt(console).existing(keyFile);
    }
}

package dev.messer.cli;

import dev.messer.app.Session;
import dev.messer.error.Hint;
import dev.messer.error.NotFoundException;
import java.util.List;

/** {@code messer encryption list aws|local [KEY_NAME]}: key names, or the versions of one key, one per line. */
final class EncryptionListCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.KEY_NAME.optional());


    EncryptionListCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        try (Session<?> session = context.session(words.get(0))) {
            if (words.size() == 1) {
                session.keyRing().names().forEach(context.console()::data);
                return ExitCodes.OK;
            }
            String name = words.get(1);
            List<Integer> versions = session.keyRing().versions(name);
            if (versions.isEmpty()) {
                throw new NotFoundException("encryption key " + name + " does not exist in "
                        + session.backend().keys().describe(), Hint.of("create it with {}",
                        Hint.command("encryption create", name)));
            }
            versions.forEach(v -> context.console().data(String.valueOf(v)));
        }
        return ExitCodes.OK;
    }
}

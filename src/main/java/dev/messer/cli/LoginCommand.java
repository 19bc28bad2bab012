package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.Session;
import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsIdentity;
import dev.messer.config.Provider;
import dev.messer.error.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code messer login aws [--duration 1h]}: assumes the profile's role now, asking for the MFA code
 * once, and keeps the session for the next commands. Without a role, checks the credentials.
 */
final class LoginCommand extends CommandBase {

    static final String GRAMMAR = "messer login aws [--profile P] [--duration 15m|1h|12h] [-c CONFIG]";

    @Parameter(description = "aws")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--duration", description = "How long the role session lasts: 15m to 12h, within the role's maximum")
    String duration;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 1, GRAMMAR);
        requireAws(words.get(0), "login");
        Optional<Duration> asked = duration == null ? Optional.empty() : Optional.of(parse(duration));
        try (Session<AwsBackend> session = context.sessions(Provider.AWS).aws(context.settings(Provider.AWS))) {
            AwsIdentity.Login login;
            try {
                login = session.backend().clients().identity().login(asked);
            } catch (InvalidInputException e) {
                throw new UsageException(e.getMessage());
            }
            Console console = context.console();
            if (login.assumedRole().isPresent()) {
                console.info("Signed in as " + login.callerArn() + " until " + login.expiry().map(Object::toString)
                        .orElse("(no expiry given)") + "; the next commands reuse this session ('messer logout aws' ends it).");
            } else {
                console.info("The credentials from " + login.source() + " work: " + login.callerArn()
                        + ". There is no role to assume, so nothing was cached.");
            }
            return ExitCodes.OK;
        }
    }

    static void requireAws(String word, String command) {
        if (CommandContext.provider(word) != Provider.AWS) {
            throw new UsageException("'messer " + command + "' applies to aws only; local has no sessions");
        }
    }

    private static Duration parse(String text) {
        try {
            return AwsIdentity.parseDuration(text);
        } catch (RuntimeException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

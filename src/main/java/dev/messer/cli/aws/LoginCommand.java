package dev.messer.cli.aws;

import com.beust.jcommander.Parameter;
import dev.messer.app.AdminSession;
import dev.messer.aws.AwsIdentity;
import dev.messer.cli.CommandBase;
import dev.messer.cli.CommandContext;
import dev.messer.cli.Console;
import dev.messer.cli.ExitCodes;
import dev.messer.cli.Grammar;
import dev.messer.cli.UsageException;
import dev.messer.config.Provider;
import dev.messer.error.Hint;
import dev.messer.error.InvalidInputException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code messer login aws [--duration 1h]}: assumes the profile's role now, asking for the MFA code
 * once, and keeps the session for the next commands. Without a role, checks the credentials.
 */
public final class LoginCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.awsOnly(Hint.text("local has no sessions"))
            .options("[--profile P] [--duration 15m|1h|12h] [-c CONFIG]");


    @Parameter(names = "--duration", description = "How long the role session lasts: 15m to 12h, within the role's maximum")
    String duration;

    public LoginCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Optional<Duration> asked = duration == null ? Optional.empty() : Optional.of(parse(duration));
        try (AdminSession session = context.sessions(Provider.AWS).admin(context.settings(Provider.AWS))) {
            AwsIdentity.Login login;
            try {
                login = session.identity().login(asked);
            } catch (InvalidInputException e) {
                throw new UsageException(e.getMessage());
            }
            Console console = context.console();
            if (login.assumedRole().isPresent()) {
                console.info("Signed in as " + login.callerArn() + " until " + login.expiry().map(Object::toString)
                        .orElse("(no expiry given)") + "; the next commands reuse this session ("
                        + context.hints().render(Hint.of("{} ends it", Hint.aws("logout"))) + ").");
            } else {
                console.info("The credentials from " + login.source() + " work: " + login.callerArn()
                        + ". There is no role to assume, so nothing was cached.");
            }
            return ExitCodes.OK;
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

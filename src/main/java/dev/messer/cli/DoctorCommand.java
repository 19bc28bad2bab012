package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.config.Provider;
import dev.messer.config.Settings;
import dev.messer.config.SettingsResolver;
import dev.messer.doctor.AwsDoctor;
import dev.messer.doctor.Check;
import dev.messer.doctor.Checklist;
import dev.messer.doctor.LocalDoctor;
import dev.messer.doctor.VariableAllowListCheck;

/**
 * {@code messer doctor aws|local}: checks a profile end to end and prints a checklist, with the fix
 * for each failure. Exit status 1 if any check failed.
 */
final class DoctorCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER)
            .options("[--role admin|writer|reader] [--profile P] [-c CONFIG]");


    @Parameter(names = "--role", description = "aws: also check that the key policy lets this caller act as admin|writer|reader")
    String role;

    DoctorCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Provider provider = CommandContext.provider(words.get(0));
        if (role != null && !AwsDoctor.ROLES.contains(role)) {
            throw new UsageException("'" + role + "' is not a role; use admin, writer or reader");
        }
        if (role != null && provider != Provider.AWS) {
            throw new UsageException("--role is for 'doctor aws': a local profile has no key policy");
        }
        Checklist list = new Checklist();
        Settings[] settings = new Settings[1];
        SettingsResolver.Diagnosis[] diagnosis = new SettingsResolver.Diagnosis[1];
        list.check("config", () -> {
            diagnosis[0] = context.diagnosis(provider);
            settings[0] = diagnosis[0].settings();
            String tier = settings[0].common().tier();
            return context.configPath() + ", profile " + (settings[0].profileName() == null ? "(default)"
                    : settings[0].profileName()) + ", tier " + (tier.isEmpty() ? "(none)" : tier);
        });
        if (settings[0] != null) {
            list.check("variables", () -> VariableAllowListCheck.run(diagnosis[0]), "config");
            if (provider == Provider.LOCAL) {
                LocalDoctor.check(list, settings[0], context.sessions(provider));
            } else {
                AwsDoctor.check(list, settings[0], context.sessions(provider), context.console().env(),
                        role);
            }
        }
        print(list, context.console(), context.hints());
        return list.anyFailed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** The checklist, each fix or hint with its command lines as the user can run them (their provider, --profile, -c). */
    private static void print(Checklist list, Console console, Hints hints) {
        int width = list.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Check check : list.checks()) {
            String mark = switch (check.status()) {
                case PASS -> "[ok]  ";
                case INFO -> "[info]";
                case WARN -> "[warn]";
                case FAIL -> "[FAIL]";
                case SKIP -> "[skip]";
            };
            console.report(mark + " " + check.name() + " ".repeat(width - check.name().length()) + "  " + check.detail());
            if (!check.fix().isEmpty()) {
                boolean passed = check.status() == Check.Status.INFO || check.status() == Check.Status.PASS;
                console.report("       " + " ".repeat(width) + (passed ? "  hint: " : "  fix: ") + hints.render(check.fix()));
            }
        }
        long failed = list.checks().stream().filter(Check::failed).count();
        console.info(failed == 0 ? "All checks passed." : failed + " check(s) failed.");
    }
}

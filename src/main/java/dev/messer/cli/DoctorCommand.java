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
import dev.messer.aws.policy.PolicyRole;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code messer doctor aws|local}: checks a profile end to end and prints a checklist, with the fix
 * for each failure. Exit status 1 if any check failed.
 */
final class DoctorCommand extends CommandBase {

    static final String GRAMMAR = "messer doctor aws|local [--role admin|writer|reader] [--profile P] [-c CONFIG]";

    @Parameter(description = "aws|local")
    List<String> words = new ArrayList<>();

    @Parameter(names = "--role", description = "aws: also check that the key policy lets this caller act as admin|writer|reader")
    String role;

    @Override
    public int run(CommandContext context) {
        Positionals.require(words, 1, 1, GRAMMAR);
        Provider provider = CommandContext.provider(words.get(0));
        PolicyRole policyRole = role == null ? null : PolicyRole.fromWord(role).orElseThrow(() -> new UsageException(
                "'" + role + "' is not a role; use admin, writer or reader"));
        if (policyRole != null && provider != Provider.AWS) {
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
                        policyRole);
            }
        }
        print(list, context.console());
        return list.anyFailed() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static void print(Checklist list, Console console) {
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
                console.report("       " + " ".repeat(width) + (check.status() == Check.Status.INFO ? "  hint: "
                        : "  fix: ") + check.fix());
            }
        }
        long failed = list.checks().stream().filter(Check::failed).count();
        console.info(failed == 0 ? "All checks passed." : failed + " check(s) failed.");
    }
}

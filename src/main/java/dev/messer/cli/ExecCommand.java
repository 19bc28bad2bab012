package dev.messer.cli;

import dev.messer.app.Session;
import com.beust.jcommander.Parameter;
import com.beust.jcommander.ParametersDelegate;
import dev.messer.databag.ItemRef;
import dev.messer.error.InvalidInputException;
import dev.messer.exec.ChildEnvironment;
import dev.messer.exec.ChildProcess;
import dev.messer.exec.CommandLookup;
import dev.messer.exec.HandoffPlan;
import dev.messer.exec.LauncherHandoff;
import dev.messer.output.DecryptedItem;
import dev.messer.output.EnvVariables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code messer exec aws|local BAG/ITEM... -- COMMAND [ARGS...]} (or the older {@code BAG ITEM...}
 * form, or the references in {@code MESSER_ITEMS}): runs COMMAND with the decrypted fields of the
 * items as environment variables (named as in {@code --format env}, checked against the refused
 * names and the profile's {@code allowed_variables}). The child inherits the caller's environment
 * without messer's secrets, or with {@code --pristine} only a minimal one. Nothing is written to
 * disk. Started by bin/messer, the JVM hands the command to the launcher, which becomes it
 * ({@link LauncherHandoff}); otherwise, or when a name cannot pass through bash unchanged
 * ({@link HandoffPlan}), the command runs as the JVM's child and its exit status is returned.
 */
final class ExecCommand extends CommandBase {

    @ParametersDelegate
    final RegionOption regionOption = new RegionOption();

    static final Grammar GRAMMAR = Grammar.of(Positional.PROVIDER, Positional.references("BAG/ITEM...").optional())
            .options("[--pristine | --keep-env] [--no-clobber] [--prefix P] [--allow-var NAME]...")
            .passThrough("COMMAND [ARGS...]");


    @Parameter(names = "--pristine", description = "Start the command with only the item variables, HOME, USER, "
            + "LOGNAME, TERM, LANG, SHLVL and PATH=" + ChildEnvironment.PRISTINE_PATH)
    boolean pristine;

    @Parameter(names = "--keep-env", description = "Inherit the caller's environment, without messer's secrets "
            + "(the default)")
    boolean keepEnv;

    @Parameter(names = "--no-clobber", description = "Refuse to override a variable that is already set")
    boolean noClobber;

    @Parameter(names = "--override", description = "A variable given by two items takes the later item's value")
    boolean override;

    @ParametersDelegate
    VariableOptions variables = new VariableOptions();

    ExecCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) throws InterruptedException {
        if (pristine && keepEnv) {
            throw new UsageException("use either --pristine or --keep-env, not both");
        }
        List<ItemRef> refs = refs(context);
        List<String> command = passedThrough();
        if (command == null || command.isEmpty()) {
            throw UsageException.withUsage("no command to run: put it after '--'");
        }
        Map<String, String> caller = context.console().env();
        // Before any item is read: a command that cannot run costs no decryption.
        CommandLookup.Found program = CommandLookup.find(command.get(0), caller.get("PATH"));
        if (!program.found()) {
            context.console().error("messer: cannot run '" + command.get(0) + "': " + program.problem());
            return program.failureStatus();
        }
        Map<String, String> environment = pristine ? ChildEnvironment.pristine(caller) : ChildEnvironment.inherited(caller);
        variables.check();
        EnvVariables items;
        try (Session<?> session = context.sessionWith(words.get(0), regionOption.flags())) {
            items = new EnvVariables(variables.rules(session.settings()), override);
            for (DecryptedItem item : DecryptedItems.read(session, refs)) {
                items.add(item);
            }
        }
        for (Map.Entry<String, String> variable : items.asMap().entrySet()) {
            if (noClobber && environment.containsKey(variable.getKey())) {
                throw new InvalidInputException(items.origin(variable.getKey()) + " would override " + variable.getKey()
                        + ", which is already set, and --no-clobber is given; nothing was run: unset it, or drop"
                        + " --no-clobber");
            }
            environment.put(variable.getKey(), variable.getValue());
        }
        context.console().info("Running " + command.get(0) + " with " + items.asMap().size() + " variables from "
                + String.join(" ", refs.stream().map(ItemRef::toString).toList()));
        context.console().flush();
        Optional<LauncherHandoff> launcher = LauncherHandoff.offered(caller);
        if (launcher.isPresent()) {
            HandoffPlan plan = HandoffPlan.between(LauncherHandoff.launcherExports(caller), environment);
            if (plan.possible()) {
                return handOver(context, launcher.get(), program.program(), command, plan);
            }
            if (context.console().debug()) {
                context.console().error("messer: " + command.get(0) + " runs as a child of messer's JVM: " + plan.obstacle());
            }
        }
        try {
            return ChildProcess.run(command, environment);
        } catch (IOException e) {
            context.console().error("messer: cannot run '" + command.get(0) + "': " + e.getMessage()
                    + "; check the command name and PATH");
            return CommandLookup.NOT_FOUND;
        }
    }

    /** Hands the command to bin/messer, which runs it once this JVM has exited with status 0. */
    private int handOver(CommandContext context, LauncherHandoff launcher, Path program, List<String> command,
            HandoffPlan plan) {
        try {
            launcher.handOver(program, command, plan);
            return ExitCodes.OK;
        } catch (IOException e) {
            context.console().error("messer: cannot hand the command to the launcher (" + e.getMessage()
                    + "); nothing was run: run it again");
            return ExitCodes.FAILURE;
        }
    }

    /** The references after the provider word, else those of MESSER_ITEMS. */
    private List<ItemRef> refs(CommandContext context) {
        List<String> named = words.subList(1, words.size());
        if (!named.isEmpty()) {
            return ItemRefs.referencesOrBagAndIds(named, null);
        }
        String fromEnv = context.console().env().get("MESSER_ITEMS");
        if (fromEnv == null || fromEnv.isBlank()) {
            throw UsageException.withUsage("no items named: give BAG/ITEM references, or set "
                    + "MESSER_ITEMS=\"app/db app/api\"");
        }
        return ItemRefs.references(Arrays.asList(fromEnv.trim().split("\\s+")), "MESSER_ITEMS=\"BAG/ITEM ...\"");
    }
}

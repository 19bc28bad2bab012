package dev.messer.cli;

/** {@code messer version}: the version, as {@code messer --version} and {@code -V} print it. */
final class VersionCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.NONE;

    VersionCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        context.console().data("messer " + Version.current());
        return ExitCodes.OK;
    }
}

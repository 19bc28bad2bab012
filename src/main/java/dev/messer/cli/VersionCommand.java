package dev.messer.cli;

/** {@code messer version}: the version, as {@code messer --version} and {@code -V} print it. */
final class VersionCommand extends CommandBase {

    static final String GRAMMAR = "messer version";

    @Override
    public int run(CommandContext context) {
        context.console().data("messer " + Version.current());
        return ExitCodes.OK;
    }
}

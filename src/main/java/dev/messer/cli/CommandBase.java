package dev.messer.cli;

import com.beust.jcommander.ParametersDelegate;

/** A command with the common options; JCommander reads the delegate from this superclass too. */
abstract class CommandBase implements Command {

    @ParametersDelegate
    final CommonOptions common = new CommonOptions();

    @Override
    public final CommonOptions common() {
        return common;
    }
}

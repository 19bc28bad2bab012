package dev.messer.cli;

import com.beust.jcommander.JCommander;

/**
 * The one way a command's JCommander parser is built (to run it, for help, completion and the man
 * page): with the command's annotated options and the setting options it holds ({@link SettingOptions}).
 */
public final class CommandParser {

    private CommandParser() {
    }

    /** @param programName the words that name the command, such as {@code messer configure} */
    public static JCommander of(Command command, String programName) {
        JCommander parser = JCommander.newBuilder().programName(programName).expandAtSign(false).build();
        parser.setParameterizedParser(SettingOptions.DISCOVERY);
        parser.addObject(command);
        return parser;
    }
}

package dev.messer.cli;

import com.beust.jcommander.ParameterException;
import dev.messer.error.ConfigException;
import dev.messer.names.Names;

/** The exit statuses, in one place. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** Operational failure: not found, exists, access denied, integrity, store or service error. */
    public static final int FAILURE = 1;
    /** The command line or configuration is wrong: fix the command and run it again. */
    public static final int USAGE = 2;
    /**
     * The command did its part but could not reach or bring along everything it covers (a tier or a
     * region unreachable, a region left not matching): not the same as a difference. {@link
     * #REGIONS_BEHIND} is the same status, for a data-key change.
     */
    public static final int INCOMPLETE = 3;
    /**
     * A data-key change was made in the home region of a profile that spans regions, but one or more
     * other regions could not be brought along; {@code encryption sync} catches them up.
     */
    public static final int REGIONS_BEHIND = 3;

    private ExitCodes() {
    }

    public static int forException(Throwable e) {
        if (e instanceof UsageException || e instanceof ParameterException
                || e instanceof Names.InvalidNameException || e instanceof ConfigException) {
            return USAGE;
        }
        return FAILURE;
    }
}

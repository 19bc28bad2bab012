package dev.messer.exec;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the program a command word names, as a shell does before it runs it: a word with a
 * {@code /} is a path (relative to the working folder); any other word is looked up in the
 * folders of PATH, in order (an empty entry is the working folder), and the first executable file
 * wins. A word that names nothing is status 127, one that names only something that cannot be
 * run (a directory, a file without execute permission) is 126, the statuses a shell gives.
 */
public final class CommandLookup {

    /** Exit status when the command is not found. */
    public static final int NOT_FOUND = 127;
    /** Exit status when the command is found but cannot be run. */
    public static final int NOT_EXECUTABLE = 126;

    /** The search path when PATH is not set (that of the JDK and of glibc's execvp). */
    static final String DEFAULT_PATH = "/bin:/usr/bin";

    private CommandLookup() {
    }

    /**
     * What the word names.
     *
     * @param searchPath the PATH to search, or null when it is not set
     */
    public static Found find(String word, String searchPath) {
        if (word.isEmpty()) {
            return Found.failure(NOT_FOUND, "an empty command name; give the command after '--'");
        }
        try {
            if (word.indexOf('/') >= 0) {
                Path path = Path.of(word).toAbsolutePath();
                if (!Files.exists(path)) {
                    return Found.failure(NOT_FOUND, "no such file; check the path");
                }
                return runnable(path) ? Found.program(path)
                        : Found.failure(NOT_EXECUTABLE, "it " + whatItIs(path) + "; name a program that can be run");
            }
            Path blocked = null;
            for (String folder : (searchPath == null ? DEFAULT_PATH : searchPath).split(":", -1)) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder).resolve(word).toAbsolutePath();
                if (runnable(candidate)) {
                    return Found.program(candidate);
                }
                if (blocked == null && Files.exists(candidate)) {
                    blocked = candidate;
                }
            }
            if (blocked != null) {
                return Found.failure(NOT_EXECUTABLE, blocked + " " + whatItIs(blocked)
                        + ", and no program of that name is on PATH; check the command name and PATH");
            }
            return Found.failure(NOT_FOUND, "not found on PATH; check the command name and PATH");
        } catch (InvalidPathException e) {
            return Found.failure(NOT_FOUND, "not a valid file name; check the command name");
        }
    }

    private static boolean runnable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    private static String whatItIs(Path path) {
        if (Files.isDirectory(path)) {
            return "is a directory";
        }
        return Files.isRegularFile(path) ? "is not executable" : "is not a regular file";
    }

    /**
     * The program a word names, or why there is none: the status to exit with and a reason to print
     * after "cannot run 'WORD': ".
     */
    public record Found(Path program, int failureStatus, String problem) {

        static Found program(Path program) {
            return new Found(program, 0, null);
        }

        static Found failure(int status, String problem) {
            return new Found(null, status, problem);
        }

        public boolean found() {
            return program != null;
        }
    }
}

package dev.messer.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/** One line about a failed file operation: what went wrong, and the fix that matches the cause. */
public final class FileErrors {

    private FileErrors() {
    }

    /** What went wrong, without the path a {@link FileSystemException} repeats in its message. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException && ((FileSystemException) e).getReason() == null) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return firstLine(e.getMessage());
    }

    /** True when the file system is full or the user's quota is used up (ENOSPC, EDQUOT). */
    public static boolean outOfSpace(IOException e) {
        String reason = reason(e).toLowerCase(Locale.ROOT);
        return reason.contains("no space left on device") || reason.contains("disk quota exceeded");
    }

    /**
     * The fix for a write into {@code folder} that failed: free space when the file system is full
     * (permissions are not the cause then), else {@code otherwise}.
     */
    public static String fix(IOException e, Path folder, String otherwise) {
        if (outOfSpace(e)) {
            return "the file system of " + folder + " is full: free space there (see 'df -h " + folder
                    + "') and run the command again";
        }
        return otherwise;
    }

    /** The first line of a message, or "unknown error" when there is none. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}

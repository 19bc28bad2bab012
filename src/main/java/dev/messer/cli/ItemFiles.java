package dev.messer.cli;

import dev.messer.databag.ItemDocument;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads item documents from files or standard input ({@code -}), with the size limit applied while reading. */
final class ItemFiles {

    private ItemFiles() {
    }

    static ItemDocument read(String source, Console console) {
        if (source.equals("-")) {
            return parse(readLimited(console.in(), "standard input"), "standard input");
        }
        Path path = Path.of(source);
        String where = "item file " + source;
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(where + " is a directory; name a JSON file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(readLimited(in, where), where);
        } catch (NoSuchFileException e) {
            throw new NotFoundException(where + " does not exist; check the path");
        } catch (AccessDeniedException e) {
            throw new dev.messer.error.AccessDeniedException(where + " is not readable; check its permissions");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + where + " (" + reason(e) + "); check the path");
        }
    }

    /** What went wrong, without the path a FileSystemException repeats in its message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static ItemDocument parse(byte[] content, String where) {
        try {
            return ItemDocument.parse(content, where);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] readLimited(InputStream in, String where) {
        try {
            byte[] content = in.readNBytes(ItemDocument.MAX_BYTES + 1);
            if (content.length > ItemDocument.MAX_BYTES) {
                Arrays.fill(content, (byte) 0);
                throw new InvalidInputException(where + " is larger than " + ItemDocument.MAX_BYTES
                        + " bytes; items are limited to that size");
            }
            return content;
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + where + " (" + reason(e) + ")");
        }
    }
}

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads item documents from files, folders (every {@code *.json} in it, sorted by name) or standard
 * input ({@code -}), with the size limit applied while reading.
 */
final class ItemFiles {

    private ItemFiles() {
    }

    /** One document and the input it came from, for messages. */
    record Named(String source, ItemDocument item) {
    }

    /**
     * Reads and validates every input before anything is done with them: the first invalid one
     * throws, naming it. Two inputs with the same item id are an error too.
     */
    static List<Named> readAll(List<String> sources, Console console) {
        List<String> files = new ArrayList<>();
        for (String source : sources) {
            files.addAll(expand(source));
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("standard input (-) can be read only once");
        }
        List<Named> items = new ArrayList<>();
        Map<String, String> sourceOfId = new HashMap<>();
        for (String file : files) {
            ItemDocument item = read(file, console);
            String where = file.equals("-") ? "standard input" : file;
            String earlier = sourceOfId.putIfAbsent(item.id(), where);
            if (earlier != null) {
                throw new InvalidInputException(earlier + " and " + where + " both hold item " + item.id()
                        + "; upload one of them");
            }
            items.add(new Named(where, item));
        }
        return items;
    }

    /** A folder becomes its {@code *.json} files, sorted; anything else stays as it is. */
    static List<String> expand(String source) {
        Path path = Path.of(source);
        if (source.equals("-") || !Files.isDirectory(path)) {
            return List.of(source);
        }
        try (Stream<Path> entries = Files.list(path)) {
            List<String> files = entries.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile).map(Path::toString).sorted().toList();
            if (files.isEmpty()) {
                throw new InvalidInputException("item file " + source + " is a directory with no *.json files in it; "
                        + "name a JSON file or a folder that holds some");
            }
            return files;
        } catch (IOException e) {
            throw new InvalidInputException("cannot list folder " + source + ": " + e.getMessage());
        }
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
            return ItemDocument.parse(content, where).refuseMetadataFields(where);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** At most {@link ItemDocument#MAX_BYTES} bytes; the caller wipes them. */
    static byte[] readLimited(InputStream in, String where) {
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

package dev.messer.cli;

import dev.messer.databag.FieldPath;
import dev.messer.error.InvalidInputException;

/** Field paths typed on the command line: a malformed one is a usage error. */
final class FieldPaths {

    private FieldPaths() {
    }

    static FieldPath parse(String typed) {
        try {
            return FieldPath.parse(typed);
        } catch (InvalidInputException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

package dev.messer.config;

import dev.messer.error.ConfigException;
import dev.messer.names.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an ini file as the user wrote them, edited in place: setting an option rewrites
 * only its own line (keeping an inline {@code ; comment}), a new option goes after the last option
 * of its section, a new section at the end. Every other line (comments, blank lines, commented-out
 * examples, other sections) is kept byte for byte.
 */
final class IniText {

    private final List<String> lines;

    IniText(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    static IniText parse(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        return new IniText(lines);
    }

    /**
     * Rewrites the option's line; when it appears more than once (in the section or in a repeated
     * section), the last one, which is the one read. A new option goes after the last option of
     * the section's first occurrence; a new section at the end.
     */
    void set(String section, String option, String value) {
        requireOneLine(section, option, value);
        int header = findSection(section);
        if (header < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + section + "]");
            lines.add(option + " = " + value);
            return;
        }
        int firstEnd = sectionEnd(header);
        int existing = -1;
        int lastOptionOfFirst = -1;
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String name = sectionName(lines.get(i));
            if (name != null) {
                current = name;
                continue;
            }
            String key = optionName(lines.get(i));
            if (key == null || !section.equals(current)) {
                continue;
            }
            if (key.equals(option)) {
                existing = i;
            }
            if (i < firstEnd) {
                lastOptionOfFirst = i;
            }
        }
        if (existing >= 0) {
            lines.set(existing, option + " = " + value + inlineComment(lines.get(existing)));
        } else {
            lines.add((lastOptionOfFirst < 0 ? header : lastOptionOfFirst) + 1, option + " = " + value);
        }
    }

    /**
     * Refuses what would not stay on its own line: a control character (a line break would start a
     * line of its own, such as another setting) in the section, option or value, and a bracket in
     * the section name, which would end its header early.
     */
    static void requireOneLine(String section, String option, String value) {
        String bad = controlCharacter(section + option + value);
        if (bad != null || section.indexOf('[') >= 0 || section.indexOf(']') >= 0) {
            throw new ConfigException("cannot write " + option + " in [" + Names.escaped(section) + "]: "
                    + (bad != null ? "it holds the control character " + bad : "the section name holds a bracket")
                    + ", which would break the ini file; give one line of printable text");
        }
    }

    /** The first control character (C0, DEL, C1, line or paragraph separator) of {@code text} as U+XXXX, or null. */
    static String controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return String.format("U+%04X", (int) c);
            }
        }
        return null;
    }

    void remove(String section, String option) {
        int header = findSection(section);
        if (header < 0) {
            return;
        }
        int end = sectionEnd(header);
        for (int i = header + 1; i < end; i++) {
            if (option.equals(optionName(lines.get(i)))) {
                lines.remove(i);
                return;
            }
        }
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private int findSection(String section) {
        for (int i = 0; i < lines.size(); i++) {
            if (section.equals(sectionName(lines.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private int sectionEnd(int header) {
        for (int i = header + 1; i < lines.size(); i++) {
            if (sectionName(lines.get(i)) != null) {
                return i;
            }
        }
        return lines.size();
    }

    /** The section a {@code [name]} line opens, or null. */
    static String sectionName(String line) {
        String t = line.trim();
        if (!t.startsWith("[")) {
            return null;
        }
        int close = t.indexOf(']');
        return close < 0 ? null : t.substring(1, close).trim();
    }

    /** The option a {@code name = value} line sets, or null for comments, blanks and headers. */
    static String optionName(String line) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith(";") || t.startsWith("#") || t.startsWith("[")) {
            return null;
        }
        int eq = t.indexOf('=');
        int colon = t.indexOf(':');
        int op = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
        return (op < 0 ? t : t.substring(0, op)).trim();
    }

    /** The {@code    ; comment} that ends an option line, with the spaces before it, or "". */
    private static String inlineComment(String line) {
        int op = line.indexOf('=');
        if (op < 0) {
            return "";
        }
        for (int i = op + 2; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == ';' || c == '#') && Character.isWhitespace(line.charAt(i - 1))) {
                int start = i;
                while (start > op + 1 && Character.isWhitespace(line.charAt(start - 1))) {
                    start--;
                }
                return line.substring(start);
            }
        }
        return "";
    }
}

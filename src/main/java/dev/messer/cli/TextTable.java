package dev.messer.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows of words in columns, each as wide as its widest word plus two spaces (the last left ragged). */
final class TextTable {

    private TextTable() {
    }

    static List<String> lines(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}

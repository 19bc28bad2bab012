package dev.messer.cli;

import java.util.ArrayList;
import java.util.List;

/** A line diff for showing a change before it is made: {@code "  "} kept, {@code "- "} removed, {@code "+ "} added. */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<String> of(List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                lines.add("  " + before.get(i++));
                j++;
            } else if (j < after.size() && (i == before.size() || common[i][j + 1] >= common[i + 1][j])) {
                lines.add("+ " + after.get(j++));
            } else {
                lines.add("- " + before.get(i++));
            }
        }
        return lines;
    }

    public static boolean changes(List<String> diff) {
        return diff.stream().anyMatch(l -> !l.startsWith("  "));
    }
}

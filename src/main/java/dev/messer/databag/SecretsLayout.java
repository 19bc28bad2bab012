package dev.messer.databag;

/**
 * Where bags and items live in the secrets bucket: {@code <tier>/<secrets_folder>/<bag>/<id>}, each
 * prefix part present only when set (Messer's layout).
 */
public record SecretsLayout(String tier, String folder) {

    public SecretsLayout {
        tier = trimSlashes(tier);
        folder = trimSlashes(folder);
    }

    /** The prefix under which bags are folders: "", "tier/", "tier/folder/" or "folder/". */
    public String bagsPrefix() {
        StringBuilder prefix = new StringBuilder();
        if (!tier.isEmpty()) {
            prefix.append(tier).append('/');
        }
        if (!folder.isEmpty()) {
            prefix.append(folder).append('/');
        }
        return prefix.toString();
    }

    public String bagMarker(String bag) {
        return bagsPrefix() + bag + "/";
    }

    public String itemKey(String bag, String id) {
        return bagsPrefix() + bag + "/" + id;
    }

    private static String trimSlashes(String value) {
        if (value == null) {
            return "";
        }
        String out = value.trim();
        while (out.startsWith("/")) {
            out = out.substring(1);
        }
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        return out;
    }
}

package dev.messer.estate;

import dev.messer.names.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A self-contained HTML page: no script, no font, nothing fetched. Its Content Security Policy is
 * {@code default-src 'none'} with only its one style sheet allowed, by hash. Every text put in it
 * goes through {@link #text}: item writers choose ids, bag, key and field names.
 */
final class HtmlPage {

    static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222;max-width:72em}"
            + "table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.2em .5em;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}code{font-size:90%}"
            + ".meta{color:#555}.ok{color:#1a7f37}.bad{color:#b42318}"
            + "svg text{font-size:12px;fill:#333}.segment.latest,.format.f2,.cell.present{fill:#2f6fb3}"
            + ".segment.old,.format.f1{fill:#e8883a}.age{fill:#7aa6d6}.age.over{fill:#c9372c}"
            + ".limit{stroke:#c9372c;stroke-width:2;stroke-dasharray:4 3}.cell.absent{fill:#eee;stroke:#ccc}"
            + ".cell.equal{fill:#c9372c}.axis{stroke:#999}";

    private final StringBuilder body = new StringBuilder();

    /** Text for the page: control characters shown as escapes ({@code \x1b}), then HTML-escaped. */
    static String text(String value) {
        String shown = Names.controlsEscaped(value == null ? "" : value);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    HtmlPage heading(int level, String title) {
        body.append("<h").append(level).append('>').append(text(title)).append("</h").append(level).append(">\n");
        return this;
    }

    HtmlPage paragraph(String cssClass, String content) {
        body.append("<p class=\"").append(cssClass).append("\">").append(text(content)).append("</p>\n");
        return this;
    }

    /** A table; {@code rows} are texts, escaped here. */
    HtmlPage table(String id, List<String> headers, List<List<String>> rows) {
        body.append("<table id=\"").append(id).append("\"><thead><tr>");
        headers.forEach(h -> body.append("<th>").append(text(h)).append("</th>"));
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(cell -> body.append("<td>").append(text(cell)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /** Markup made by {@link SvgChart}, which escapes its own labels. */
    HtmlPage chart(SvgChart chart) {
        body.append(chart.render()).append('\n');
        return this;
    }

    String render(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy() + "\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + text(title) + "</title>\n<style>" + STYLE + "</style></head>\n<body>\n"
                + body + "</body></html>\n";
    }

    static String contentSecurityPolicy() {
        return "default-src 'none'; style-src '" + styleHash() + "'; base-uri 'none'; form-action 'none'";
    }

    private static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

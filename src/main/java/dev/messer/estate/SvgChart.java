package dev.messer.estate;

import java.util.Locale;

/**
 * An inline SVG chart of horizontal bars: one row per label, each row made of segments. Labels are
 * escaped by {@link HtmlPage#text}. The chart carries {@code data-chart} so that a page test can
 * find it, and each segment a {@code <title>} for a tooltip.
 */
final class SvgChart {

    static final int LABEL_WIDTH = 230;
    static final int BAR_WIDTH = 460;
    static final int ROW = 22;

    private final String name;
    private final String caption;
    private final StringBuilder shapes = new StringBuilder();
    private int rows;
    private int extraHeight;

    SvgChart(String name, String caption) {
        this.name = name;
        this.caption = caption;
    }

    /** Starts a row with its label; its segments follow. */
    SvgChart row(String label) {
        rows++;
        shapes.append("<text x=\"0\" y=\"").append(y() + 15).append("\">").append(HtmlPage.text(label)).append("</text>");
        return this;
    }

    /** A segment of the current row, from {@code from} to {@code to} (fractions of the bar width). */
    SvgChart segment(String cssClass, double from, double to, String tooltip) {
        double x = LABEL_WIDTH + from * BAR_WIDTH;
        double width = Math.max((to - from) * BAR_WIDTH, 2);
        shapes.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\">",
                cssClass, x, y() + 3, width)).append("<title>").append(HtmlPage.text(tooltip)).append("</title></rect>");
        return this;
    }

    /** A square cell in column {@code column} of the current row (a matrix). */
    SvgChart cell(String cssClass, int column, String tooltip) {
        shapes.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"16\" height=\"16\">",
                cssClass, LABEL_WIDTH + column * ROW, y() + 3)).append("<title>").append(HtmlPage.text(tooltip))
                .append("</title></rect>");
        return this;
    }

    /** A column heading above a matrix, turned upwards. */
    SvgChart columnHeading(int column, String label) {
        int x = LABEL_WIDTH + column * ROW + 12;
        shapes.append("<text class=\"column\" transform=\"translate(").append(x).append(",110) rotate(-60)\">")
                .append(HtmlPage.text(label)).append("</text>");
        extraHeight = 120;
        return this;
    }

    /** A vertical line across every row at {@code at} (a fraction of the bar width): a limit. */
    SvgChart limit(double at, String tooltip) {
        double x = LABEL_WIDTH + at * BAR_WIDTH;
        shapes.append(String.format(Locale.ROOT, "<line class=\"limit\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\">",
                x, x, extraHeight + Math.max(rows, 1) * ROW)).append("<title>").append(HtmlPage.text(tooltip))
                .append("</title></line>");
        return this;
    }

    private int y() {
        return extraHeight + (rows - 1) * ROW;
    }

    String render() {
        int height = extraHeight + Math.max(rows, 1) * ROW + 4;
        int width = LABEL_WIDTH + BAR_WIDTH + 40;
        return "<figure><svg role=\"img\" data-chart=\"" + name + "\" width=\""
                + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\"><title>"
                + HtmlPage.text(caption) + "</title>" + shapes + "</svg><figcaption>" + HtmlPage.text(caption)
                + "</figcaption></figure>";
    }
}

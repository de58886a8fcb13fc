package io.downtime.web.charts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as inline SVG: no script, nothing fetched from elsewhere. Every text from data is
 * escaped; each chart carries a {@code role="img"} and an {@code aria-label} describing it.
 */
public final class SvgCharts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** A labelled bar: positive values raise the risk, negative ones lower it. */
    public record Bar(String label, double value) {
    }

    private SvgCharts() {
    }

    /** A small trend line of probabilities (0 to 1), oldest left. */
    public static String sparkline(List<Double> probabilities, String label) {
        int width = 120;
        int height = 24;
        StringBuilder svg = open(width, height, label, "sparkline");
        if (probabilities.size() >= 2) {
            svg.append("<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"");
            for (int i = 0; i < probabilities.size(); i++) {
                double x = (double) i / (probabilities.size() - 1) * (width - 2) + 1;
                double y = height - 1 - clamp(probabilities.get(i)) * (height - 2);
                svg.append(number(x)).append(',').append(number(y)).append(' ');
            }
            svg.append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A line chart of {@code values} over time, with the times of {@code incident} shaded; {@code NaN} values leave
     * gaps. The value axis spans the data, or {@code [0, 1]} for probabilities.
     */
    public static String lineChart(String title, long[] times, double[] values, boolean[] incident, boolean probability) {
        int width = 560;
        int height = 140;
        int left = 46;
        int bottom = 18;
        StringBuilder svg = open(width, height, title, "chart");
        double min = probability ? 0 : Double.POSITIVE_INFINITY;
        double max = probability ? 1 : Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (!(max >= min)) {
            return svg.append(text(left, height / 2.0, "no data", "start")).append("</svg>").toString();
        }
        if (max == min) {
            max = min + 1;
        }
        int plotWidth = width - left - 4;
        int plotHeight = height - bottom - 4;
        long start = times.length == 0 ? 0 : times[0];
        long span = times.length < 2 ? 1 : Math.max(1, times[times.length - 1] - start);
        for (int i = 0; i < times.length; i++) {
            if (incident != null && incident[i]) {
                int j = i;
                while (j + 1 < times.length && incident[j + 1]) {
                    j++;
                }
                double x0 = left + (double) (times[i] - start) / span * plotWidth;
                double x1 = left + (double) (times[Math.min(j + 1, times.length - 1)] - start) / span * plotWidth;
                svg.append("<rect class=\"incident\" x=\"").append(number(x0)).append("\" y=\"2\" width=\"")
                        .append(number(Math.max(1, x1 - x0))).append("\" height=\"").append(plotHeight)
                        .append("\"><title>incident</title></rect>");
                i = j;
            }
        }
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(plotHeight + 2)
                .append("\" x2=\"").append(width - 4).append("\" y2=\"").append(plotHeight + 2).append("\"/>");
        svg.append(text(left - 4, 12, format(max), "end")).append(text(left - 4, plotHeight + 2, format(min), "end"));
        if (times.length >= 2) {
            timeAxis(svg, start, span, left, plotWidth, height - 4);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                flush(svg, points);
                continue;
            }
            double x = left + (double) (times[i] - start) / span * plotWidth;
            double y = 2 + (1 - (values[i] - min) / (max - min)) * plotHeight;
            points.append(number(x)).append(',').append(number(y)).append(' ');
        }
        flush(svg, points);
        return svg.append("</svg>").toString();
    }

    /** Ticks labelled with the time of day in UTC (with the date when the chart spans more than a day). */
    private static void timeAxis(StringBuilder svg, long start, long span, int left, int plotWidth, double y) {
        DateTimeFormatter format = span > 86_400_000L ? DAY_AND_TIME : TIME;
        int ticks = 4;
        for (int k = 0; k <= ticks; k++) {
            long at = start + span * k / ticks;
            double x = left + (double) plotWidth * k / ticks;
            String label = format.format(Instant.ofEpochMilli(at)) + (k == ticks ? " UTC" : "");
            svg.append("<line class=\"tick\" x1=\"").append(number(x)).append("\" y1=\"").append(number(y - 14))
                    .append("\" x2=\"").append(number(x)).append("\" y2=\"").append(number(y - 10)).append("\"/>");
            svg.append(text(x, y, label, k == 0 ? "start" : k == ticks ? "end" : "middle"));
        }
    }

    /** Horizontal bars of feature contributions around a zero line. */
    public static String contributionBars(List<Bar> bars, String title) {
        int width = 560;
        int row = 22;
        int height = Math.max(row, bars.size() * row) + 4;
        int labelWidth = 260;
        int middle = labelWidth + (width - labelWidth) / 2;
        double largest = bars.stream().mapToDouble(b -> Math.abs(b.value())).max().orElse(1);
        StringBuilder svg = open(width, height, title, "bars");
        svg.append("<line class=\"axis\" x1=\"").append(middle).append("\" y1=\"0\" x2=\"").append(middle)
                .append("\" y2=\"").append(height).append("\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double length = largest == 0 ? 0 : Math.abs(bar.value()) / largest * ((width - labelWidth) / 2.0 - 4);
            double x = bar.value() >= 0 ? middle : middle - length;
            int y = 2 + i * row;
            svg.append(text(labelWidth - 6, y + 14, bar.label(), "end"));
            svg.append("<rect class=\"").append(bar.value() >= 0 ? "raises" : "lowers").append("\" x=\"")
                    .append(number(x)).append("\" y=\"").append(y + 3).append("\" width=\"").append(number(length))
                    .append("\" height=\"14\"><title>").append(escape(bar.label())).append(": ")
                    .append(format(bar.value())).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** A precision-recall curve: recall across, precision up, both 0 to 1. */
    public static String precisionRecall(List<double[]> points, String title) {
        int size = 220;
        int pad = 28;
        StringBuilder svg = open(size + pad, size + pad, title, "curve");
        svg.append("<line class=\"axis\" x1=\"").append(pad).append("\" y1=\"").append(size).append("\" x2=\"")
                .append(size + pad).append("\" y2=\"").append(size).append("\"/>");
        svg.append("<line class=\"axis\" x1=\"").append(pad).append("\" y1=\"0\" x2=\"").append(pad)
                .append("\" y2=\"").append(size).append("\"/>");
        svg.append(text(pad + size / 2.0, size + 20, "recall", "middle")).append(text(2, 12, "precision", "start"));
        StringBuilder line = new StringBuilder();
        for (double[] point : points) {
            line.append(number(pad + point[0] * size)).append(',').append(number(size - point[1] * size)).append(' ');
        }
        flush(svg, line);
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of shares (0 to 1), largest first, e.g. feature importance. */
    public static String shareBars(List<Bar> bars, String title) {
        int width = 560;
        int row = 22;
        int labelWidth = 300;
        StringBuilder svg = open(width, Math.max(row, bars.size() * row) + 4, title, "bars");
        double largest = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 2 + i * row;
            double length = largest <= 0 ? 0 : bar.value() / largest * (width - labelWidth - 60);
            svg.append(text(labelWidth - 6, y + 14, bar.label(), "end"));
            svg.append("<rect class=\"share\" x=\"").append(labelWidth).append("\" y=\"").append(y + 3)
                    .append("\" width=\"").append(number(length)).append("\" height=\"14\"/>");
            svg.append(text(labelWidth + length + 4, y + 14, String.format(Locale.ROOT, "%.1f %%", bar.value() * 100), "start"));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String label, String kind) {
        return new StringBuilder(1024).append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(kind)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(escape(label))
                .append("\">");
    }

    private static void flush(StringBuilder svg, StringBuilder points) {
        if (!points.isEmpty()) {
            svg.append("<polyline class=\"line\" fill=\"none\" points=\"").append(points).append("\"/>");
            points.setLength(0);
        }
    }

    private static String text(double x, double y, String content, String anchor) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor + "\">" + escape(content)
                + "</text>";
    }

    /** Text made safe for SVG/HTML content and attribute values. */
    public static String escape(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                case '\'' -> safe.append("&#39;");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    private static double clamp(Double probability) {
        return probability == null || probability.isNaN() ? 0 : Math.max(0, Math.min(1, probability));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String format(double value) {
        return Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value != 0)
                ? String.format(Locale.ROOT, "%.2g", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}

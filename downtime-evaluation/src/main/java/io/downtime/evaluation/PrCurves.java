package io.downtime.evaluation;

import java.util.List;
import java.util.Locale;

/** The precision-recall curves of several models in one SVG chart. */
final class PrCurves {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#7f7f7f", "#bcbd22"};
    private static final int SIZE = 400;
    private static final int PAD = 40;

    private PrCurves() {
    }

    static String svg(List<ModelResult> models) {
        StringBuilder svg = new StringBuilder();
        int width = SIZE + 2 * PAD + 180;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(SIZE + 2 * PAD).append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<rect x=\"").append(PAD).append("\" y=\"").append(PAD).append("\" width=\"").append(SIZE)
                .append("\" height=\"").append(SIZE).append("\" fill=\"none\" stroke=\"#888\"/>\n")
                .append("<text x=\"").append(PAD + SIZE / 2).append("\" y=\"").append(SIZE + PAD + 30)
                .append("\" text-anchor=\"middle\">recall</text>\n")
                .append("<text x=\"12\" y=\"").append(PAD + SIZE / 2)
                .append("\" transform=\"rotate(-90 12 ").append(PAD + SIZE / 2)
                .append(")\" text-anchor=\"middle\">precision</text>\n");
        for (int i = 0; i < models.size(); i++) {
            ModelResult model = models.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] point : model.precisionRecall()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", PAD + point[0] * SIZE, PAD + (1 - point[1]) * SIZE));
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                    .append(model.learned() ? "" : " stroke-dasharray=\"5,4\"").append(" points=\"")
                    .append(points.toString().trim()).append("\"/>\n")
                    .append("<text x=\"").append(SIZE + PAD + 12).append("\" y=\"").append(PAD + 16 + i * 18)
                    .append("\" fill=\"").append(colour).append("\">")
                    .append(String.format(Locale.ROOT, "%s (%.3f)", model.name(), model.quality().prAuc()))
                    .append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }
}

package io.downtime.models.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether probabilities mean what they say: the Brier score (mean squared difference between probability and outcome;
 * 0 is perfect, the prevalence times one minus it is what always answering the prevalence scores) and a reliability
 * table (rows grouped by predicted probability, with the share that was actually positive).
 *
 * @param brier       mean squared error of the probabilities
 * @param reliability the non-empty bins of the reliability table, lowest probabilities first
 */
public record Calibration(double brier, List<Bin> reliability) {

    /**
     * Rows whose probability fell in {@code [from, to)} ({@code to} inclusive for the last bin).
     *
     * @param from          lower edge
     * @param to            upper edge
     * @param rows          rows in the bin
     * @param meanPredicted their mean probability
     * @param observed      the share of them that was positive
     */
    public record Bin(double from, double to, long rows, double meanPredicted, double observed) {
    }

    /** The Brier score and a reliability table of {@code bins} equal-width bins. */
    public static Calibration of(double[] probabilities, byte[] labels, int bins) {
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException("one label per probability is needed");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("at least one bin is needed, was " + bins);
        }
        long[] count = new long[bins];
        double[] predicted = new double[bins];
        long[] positives = new long[bins];
        double squares = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("row " + i + " has probability " + p + ", outside [0, 1]");
            }
            squares += (p - labels[i]) * (p - labels[i]);
            int bin = Math.min(bins - 1, (int) (p * bins));
            count[bin]++;
            predicted[bin] += p;
            positives[bin] += labels[i];
        }
        List<Bin> table = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                table.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], predicted[b] / count[b],
                        (double) positives[b] / count[b]));
            }
        }
        return new Calibration(probabilities.length == 0 ? Double.NaN : squares / probabilities.length, table);
    }
}

package io.downtime.models;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows a model is fitted on when fitting on all of them would be slow: at most {@code maxRows}, balanced towards
 * the rare positives (every positive when they fit in half of the rows, a random share otherwise; negatives fill the
 * rest). The fit then sees the odds of the sample, not of the population; {@link #marginCorrection()} turns one into
 * the other (prior correction), so the served number stays a probability.
 *
 * @param vectors       the sampled vectors
 * @param labels        their labels, 0 or 1
 * @param samplingRatio share of negative rows kept over share of positive rows kept
 */
public record TrainingSample(double[][] vectors, byte[] labels, double samplingRatio) {

    /**
     * @throws IllegalArgumentException when the rows lack positives or negatives
     */
    public static TrainingSample of(LabelledRows rows, int maxRows, long seed) {
        long positives = rows.positives();
        long negatives = rows.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("training needs both positive and negative rows; got "
                    + positives + " positives in " + rows.size() + " rows");
        }
        double positiveRate = Math.min(1, (maxRows / 2.0) / positives);
        double keptPositives = positives * positiveRate;
        double negativeRate = Math.min(1, Math.max(keptPositives, maxRows - keptPositives) / negatives);
        SplittableRandom random = new SplittableRandom(seed);
        int capacity = (int) Math.min(rows.size(), keptPositives + negatives * negativeRate + 64);
        double[][] vectors = new double[capacity][];
        byte[] labels = new byte[capacity];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            double rate = rows.labels()[r] == 1 ? positiveRate : negativeRate;
            if (rate >= 1 || random.nextDouble() < rate) {
                if (n == vectors.length) {
                    vectors = Arrays.copyOf(vectors, n * 2);
                    labels = Arrays.copyOf(labels, n * 2);
                }
                vectors[n] = rows.vectors()[r];
                labels[n++] = rows.labels()[r];
            }
        }
        return new TrainingSample(Arrays.copyOf(vectors, n), Arrays.copyOf(labels, n), negativeRate / positiveRate);
    }

    public int size() {
        return vectors.length;
    }

    /** Added to a margin (log-odds) fitted on the sample, it gives the margin on the population. */
    public double marginCorrection() {
        return Math.log(samplingRatio);
    }

    /** Labels as -1 and +1, as SVMs want them. */
    public int[] signedLabels() {
        int[] signed = new int[labels.length];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = labels[i] == 1 ? 1 : -1;
        }
        return signed;
    }

    /** Labels as 0 and 1 ints. */
    public int[] intLabels() {
        int[] ints = new int[labels.length];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = labels[i];
        }
        return ints;
    }
}

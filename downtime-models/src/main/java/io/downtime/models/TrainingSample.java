package io.downtime.models;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rows a model is fitted on when fitting on all of them would be slow: every positive row and a random share of
 * the negative ones. Rare positives then weigh more in the fit; {@link #marginCorrection()} turns the sample's odds
 * back into the population's (prior correction), so the served number stays a probability.
 *
 * @param vectors      the sampled vectors
 * @param labels       their labels, 0 or 1
 * @param negativeRate the share of negative rows kept, in (0, 1]
 */
public record TrainingSample(double[][] vectors, byte[] labels, double negativeRate) {

    /**
     * Keeps every positive and as many negatives as fit in {@code maxRows} (at least as many negatives as positives).
     *
     * @throws IllegalArgumentException when the rows lack positives or negatives
     */
    public static TrainingSample of(LabelledRows rows, int maxRows, long seed) {
        long positives = rows.positives();
        long negatives = rows.size() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("training needs both positive and negative rows; got "
                    + positives + " positives in " + rows.size() + " rows");
        }
        double rate = Math.min(1, Math.max(positives, maxRows - positives) / (double) negatives);
        SplittableRandom random = new SplittableRandom(seed);
        int expected = (int) Math.min(rows.size(), positives + Math.ceil(negatives * rate) + 16);
        double[][] vectors = new double[expected][];
        byte[] labels = new byte[expected];
        int n = 0;
        for (int r = 0; r < rows.size(); r++) {
            boolean keep = rows.labels()[r] == 1 || rate >= 1 || random.nextDouble() < rate;
            if (keep) {
                if (n == vectors.length) {
                    vectors = Arrays.copyOf(vectors, n * 2);
                    labels = Arrays.copyOf(labels, n * 2);
                }
                vectors[n] = rows.vectors()[r];
                labels[n++] = rows.labels()[r];
            }
        }
        return new TrainingSample(Arrays.copyOf(vectors, n), Arrays.copyOf(labels, n), rate);
    }

    public int size() {
        return vectors.length;
    }

    /** Added to a margin (log-odds) fitted on the sample, it gives the margin on the population: log of the rate. */
    public double marginCorrection() {
        return Math.log(negativeRate);
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

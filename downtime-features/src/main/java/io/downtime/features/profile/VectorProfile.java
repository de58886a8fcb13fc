package io.downtime.features.profile;

import java.util.Arrays;

/**
 * Each feature of one instance put relative to that instance's own normal: the median and a robust scale of every
 * feature over vectors of its unlabelled history, and a vector expressed as clipped robust z-scores against them. A
 * model fed such vectors learns "how unusual is this for this server" rather than each server's own levels, which is
 * what carries over to a server it never saw. Missing values stay missing.
 */
public final class VectorProfile {

    /**
     * Relative values are clipped here: far enough out that the most unusual rows still differ from each other (an
     * alarm threshold must be able to pass between them), near enough that one broken feature cannot dominate.
     */
    static final double CLIP = 100;

    private final double[] medians;
    private final double[] scales;

    private VectorProfile(double[] medians, double[] scales) {
        this.medians = medians;
        this.scales = scales;
    }

    /** The profile of {@code reference} vectors (rows of one instance's unlabelled history). */
    public static VectorProfile fit(double[][] reference, int size) {
        double[] medians = new double[size];
        double[] scales = new double[size];
        double[] column = new double[reference.length];
        for (int j = 0; j < size; j++) {
            int n = 0;
            for (double[] vector : reference) {
                if (Double.isFinite(vector[j])) {
                    column[n++] = vector[j];
                }
            }
            if (n == 0) {
                scales[j] = 1;
                continue;
            }
            double[] values = Arrays.copyOf(column, n);
            Arrays.sort(values);
            double median = median(values);
            double mean = 0;
            for (double v : values) {
                mean += v / n;
            }
            double variance = 0;
            double[] deviations = new double[n];
            for (int i = 0; i < n; i++) {
                deviations[i] = Math.abs(values[i] - median);
                variance += (values[i] - mean) * (values[i] - mean) / n;
            }
            Arrays.sort(deviations);
            medians[j] = median;
            scales[j] = Math.max(Math.max(1.4826 * median(deviations), 0.1 * Math.sqrt(variance)), 1e-6);
        }
        return new VectorProfile(medians, scales);
    }

    /** {@code vector} as clipped robust z-scores against this profile. */
    public double[] relative(double[] vector) {
        double[] relative = new double[vector.length];
        for (int j = 0; j < vector.length; j++) {
            double v = vector[j];
            relative[j] = Double.isNaN(v) ? Double.NaN
                    : Math.max(-CLIP, Math.min(CLIP, (v - medians[j]) / scales[j]));
        }
        return relative;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

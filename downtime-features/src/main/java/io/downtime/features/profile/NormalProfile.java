package io.downtime.features.profile;

import io.downtime.features.InstanceSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One instance's normal behaviour, learnt without labels from a stretch of its own history, and how far each new
 * sample is from it. Per signal: the median and a robust scale (1.4826 × MAD, never below a tenth of the standard
 * deviation, so a signal that barely moves in the reference does not turn every later wiggle into a huge score); across
 * signals: the principal components of the robust z-scores that explain {@value #EXPLAINED} of their variance.
 * <p>
 * A sample's scores are read from that sample and the profile alone, so they are as observable live as the metrics:
 * the largest and the mean absolute robust z-score, the share of signals beyond 3, and the PCA reconstruction error
 * (the part of the z-vector the normal correlations between signals do not explain). What is relative to each
 * server's own normal carries over to servers no model has seen; raw levels do not.
 */
public final class NormalProfile {

    /** Names of the scores, as the signals they become. */
    public static final List<String> SCORES = List.of("profile_max_abs_z", "profile_mean_abs_z",
            "profile_outlier_share", "profile_pca_error");
    /** Share of the z-scores' variance the kept components explain. */
    static final double EXPLAINED = 0.9;
    /** Robust z-scores are clipped here: one broken signal must not drown every other. */
    static final double CLIP = 20;
    /** Most reference samples the components are fitted on. */
    private static final int MAX_FIT_SAMPLES = 20_000;

    private final double[] medians;
    private final double[] scales;
    private final double[] zMeans;
    private final double[][] components;

    private NormalProfile(double[] medians, double[] scales, double[] zMeans, double[][] components) {
        this.medians = medians;
        this.scales = scales;
        this.zMeans = zMeans;
        this.components = components;
    }

    /**
     * The profile of {@code series}' samples {@code [from, to)}, which must hold no incident the model is judged on (an
     * unlabelled, mostly normal stretch). Missing values are skipped.
     */
    public static NormalProfile fit(InstanceSeries series, int from, int to) {
        int signals = series.signals().size();
        if (to - from < 10) {
            throw new IllegalArgumentException("a normal profile needs at least 10 reference samples, got " + (to - from)
                    + " of " + series.instance());
        }
        double[] medians = new double[signals];
        double[] scales = new double[signals];
        for (int s = 0; s < signals; s++) {
            double[] values = Arrays.stream(Arrays.copyOfRange(series.values()[s], from, to))
                    .filter(Double::isFinite).toArray();
            if (values.length == 0) {
                medians[s] = 0;
                scales[s] = 1;
                continue;
            }
            double median = median(values);
            double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
            double mean = Arrays.stream(values).average().orElse(0);
            double std = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
            medians[s] = median;
            scales[s] = Math.max(Math.max(1.4826 * median(deviations), 0.1 * std), 1e-6);
        }
        int every = Math.max(1, (to - from + MAX_FIT_SAMPLES - 1) / MAX_FIT_SAMPLES);
        List<double[]> zs = new ArrayList<>();
        for (int t = from; t < to; t += every) {
            zs.add(zScores(series, t, medians, scales));
        }
        double[] zMeans = new double[signals];
        for (double[] z : zs) {
            for (int s = 0; s < signals; s++) {
                zMeans[s] += z[s] / zs.size();
            }
        }
        double[][] covariance = new double[signals][signals];
        for (double[] z : zs) {
            for (int i = 0; i < signals; i++) {
                double di = z[i] - zMeans[i];
                for (int j = i; j < signals; j++) {
                    covariance[i][j] += di * (z[j] - zMeans[j]) / zs.size();
                }
            }
        }
        for (int i = 0; i < signals; i++) {
            for (int j = 0; j < i; j++) {
                covariance[i][j] = covariance[j][i];
            }
        }
        return new NormalProfile(medians, scales, zMeans, SymmetricEigen.leading(covariance, EXPLAINED));
    }

    /** Components kept, for tests and reports. */
    public int components() {
        return components.length;
    }

    /** The series' own signals followed by the profile's scores of every sample. */
    public InstanceSeries withScores(InstanceSeries series) {
        int n = series.length();
        int signals = series.signals().size();
        double[][] values = Arrays.copyOf(series.values(), signals + SCORES.size());
        for (int k = 0; k < SCORES.size(); k++) {
            values[signals + k] = new double[n];
        }
        double[] scores = new double[SCORES.size()];
        for (int t = 0; t < n; t++) {
            scoresAt(series, t, scores);
            for (int k = 0; k < scores.length; k++) {
                values[signals + k][t] = scores[k];
            }
        }
        List<String> names = new ArrayList<>(series.signals());
        names.addAll(SCORES);
        return new InstanceSeries(series.instance(), series.timestamps(), names, values, series.observedDown(),
                series.incidents());
    }

    /** Writes the scores of sample {@code t} into {@code out}, in the order of {@link #SCORES}; NaN when it has no value. */
    public void scoresAt(InstanceSeries series, int t, double[] out) {
        int signals = medians.length;
        int present = 0;
        for (int s = 0; s < signals; s++) {
            present += Double.isFinite(series.values()[s][t]) ? 1 : 0;
        }
        if (present == 0) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double[] z = zScores(series, t, medians, scales);
        double max = 0;
        double sum = 0;
        int outliers = 0;
        for (double v : z) {
            double abs = Math.abs(v);
            max = Math.max(max, abs);
            sum += abs;
            outliers += abs > 3 ? 1 : 0;
        }
        double[] centred = new double[signals];
        for (int s = 0; s < signals; s++) {
            centred[s] = z[s] - zMeans[s];
        }
        double residual = 0;
        for (double v : centred) {
            residual += v * v;
        }
        for (double[] component : components) {
            double projection = 0;
            for (int s = 0; s < signals; s++) {
                projection += component[s] * centred[s];
            }
            residual -= projection * projection;
        }
        out[0] = max;
        out[1] = sum / signals;
        out[2] = (double) outliers / signals;
        out[3] = Math.max(0, residual) / signals;
    }

    /** Clipped robust z-scores of sample {@code t}; a missing value counts as normal (0). */
    private static double[] zScores(InstanceSeries series, int t, double[] medians, double[] scales) {
        double[] z = new double[medians.length];
        for (int s = 0; s < z.length; s++) {
            double v = series.values()[s][t];
            z[s] = Double.isFinite(v) ? Math.max(-CLIP, Math.min(CLIP, (v - medians[s]) / scales[s])) : 0;
        }
        return z;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

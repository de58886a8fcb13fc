package io.downtime.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the feature vector of an instance at a sample index from the samples at or before it. The one
 * implementation used both for live vectors and for training sets, so serving sees exactly what training saw.
 * <p>
 * Per signal: the last value, and over each window (in samples) mean, standard deviation, minimum, maximum and the
 * least-squares slope per sample; plus the share of missing samples in the longest window. Missing samples
 * ({@code NaN}) are skipped; a statistic over no samples is {@code NaN}, which the models treat as missing.
 */
public final class FeatureExtractor {

    private static final String[] STATISTICS = {"mean", "std", "min", "max", "slope"};

    private final List<String> signals;
    private final int[] windows;
    private final FeatureSchema schema;

    /**
     * @param signals the signals to compute features of (in any order; vectors list them by name)
     * @param windows window lengths in samples, e.g. {@code 15, 60}
     */
    public FeatureExtractor(List<String> signals, int... windows) {
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("at least one signal is needed");
        }
        if (windows.length == 0 || Arrays.stream(windows).anyMatch(w -> w < 2)) {
            throw new IllegalArgumentException("windows must be at least 2 samples: " + Arrays.toString(windows));
        }
        // Sorted, so the schema does not depend on the order a source happens to list its signals in.
        this.signals = signals.stream().sorted().distinct().toList();
        this.windows = windows.clone();
        Arrays.sort(this.windows);
        this.schema = new FeatureSchema(names(), "features-v1 windows=" + Arrays.toString(this.windows));
    }

    public FeatureSchema schema() {
        return schema;
    }

    public List<String> signals() {
        return signals;
    }

    /** Samples of history a vector needs to be complete: the longest window. */
    public int historyNeeded() {
        return windows[windows.length - 1];
    }

    /** The vector at sample index {@code t}, computed from samples {@code ≤ t} only. */
    public double[] vectorAt(InstanceSeries series, int t) {
        if (t < 0 || t >= series.length()) {
            throw new IndexOutOfBoundsException("index " + t + " outside series of length " + series.length());
        }
        double[] vector = new double[schema.size()];
        double[][] columns = new double[signals.size()][];
        int k = 0;
        for (int s = 0; s < columns.length; s++) {
            double[] values = series.valuesOf(signals.get(s));
            columns[s] = values;
            vector[k++] = values[t];
            for (int window : windows) {
                k = windowStatistics(values, Math.max(0, t - window + 1), t, vector, k);
            }
        }
        vector[k] = missingShare(columns, t);
        return vector;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (String signal : signals) {
            names.add(signal + "_last");
            for (int window : windows) {
                for (String statistic : STATISTICS) {
                    names.add(signal + "_" + statistic + "_" + window);
                }
            }
        }
        names.add("missing_share_" + windows[windows.length - 1]);
        return names;
    }

    /** Writes mean, std, min, max, slope of {@code values[from..to]} into {@code out} at {@code k}. */
    private static int windowStatistics(double[] values, int from, int to, double[] out, int k) {
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sumX = 0;
        double sumXX = 0;
        double sumXY = 0;
        for (int i = from; i <= to; i++) {
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            double x = i - from;
            n++;
            sum += v;
            sumSquares += v * v;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sumX += x;
            sumXX += x * x;
            sumXY += x * v;
        }
        if (n == 0) {
            Arrays.fill(out, k, k + STATISTICS.length, Double.NaN);
            return k + STATISTICS.length;
        }
        double mean = sum / n;
        double variance = Math.max(0, sumSquares / n - mean * mean);
        double denominator = n * sumXX - sumX * sumX;
        out[k] = mean;
        out[k + 1] = Math.sqrt(variance);
        out[k + 2] = min;
        out[k + 3] = max;
        out[k + 4] = denominator == 0 ? 0 : (n * sumXY - sumX * sum) / denominator;
        return k + STATISTICS.length;
    }

    /** Share of the longest window ending at {@code t} with a missing sample; time before the data counts as missing. */
    private double missingShare(double[][] columns, int t) {
        int window = historyNeeded();
        int from = Math.max(0, t - window + 1);
        int missing = window - (t - from + 1);
        for (int i = from; i <= t; i++) {
            for (double[] column : columns) {
                if (Double.isNaN(column[i])) {
                    missing++;
                    break;
                }
            }
        }
        return (double) missing / window;
    }
}

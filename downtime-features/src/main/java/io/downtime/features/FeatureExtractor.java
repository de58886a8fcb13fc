package io.downtime.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes the feature vector of an instance at a sample index from the samples at or before it, never after: the
 * one implementation used both for live vectors and for training sets, so serving sees exactly what training saw.
 * <p>
 * Per signal: the last value; over each window (in samples) mean, standard deviation, minimum, maximum,
 * least-squares slope per sample, exponentially weighted mean (span = window) and change from the window's first
 * value; the z-score of the last value against the instance's own baseline (ending at t); and the difference from
 * the value one day earlier, where the history reaches back that far.
 * Per instance: the share of samples missing in the longest window, the length of the current gap (consecutive samples
 * without any value), and the samples since the source last observed the instance down (both capped at the baseline). Missing samples
 * ({@code NaN}) are skipped; a statistic over no samples is {@code NaN}, which the models treat as missing.
 */
public final class FeatureExtractor {

    /** The window statistics, in the order each window's features are laid out. */
    private static final FeatureSchema.Statistic[] STATISTICS = {FeatureSchema.Statistic.MEAN,
            FeatureSchema.Statistic.STD, FeatureSchema.Statistic.MIN, FeatureSchema.Statistic.MAX,
            FeatureSchema.Statistic.SLOPE, FeatureSchema.Statistic.EWMA, FeatureSchema.Statistic.DELTA};

    /** The windows every service and command uses unless configured otherwise, in samples. */
    public static final String WINDOWS = "5,15,60";
    /** The baseline every service and command uses unless configured otherwise: 6 hours at one sample a minute. */
    public static final int BASELINE = 360;
    /** {@link #BASELINE} as configuration text. */
    public static final String BASELINE_TEXT = "360";

    private final List<String> signals;
    private final int[] windows;
    private final int baseline;
    private final int daySamples;
    private final FeatureSchema schema;

    /** The standard {@link #WINDOWS} and {@link #BASELINE}, one sample a minute (a day of 1440). */
    public FeatureExtractor(List<String> signals) {
        this(signals, Duration.ofMinutes(1));
    }

    /** The standard {@link #WINDOWS} and {@link #BASELINE} for samples {@code step} apart. */
    public FeatureExtractor(List<String> signals, Duration step) {
        this(signals, parseWindows(WINDOWS), BASELINE, daySamples(step));
    }

    /** Samples in a day at {@code step}: the lag of the difference from a day earlier. */
    public static int daySamples(Duration step) {
        return (int) Math.max(1, Duration.ofDays(1).toMillis() / step.toMillis());
    }

    private static int[] parseWindows(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /**
     * @param signals    the signals to compute features of (in any order; vectors list them by name)
     * @param windows    window lengths in samples, e.g. {@code 5, 15, 60}
     * @param baseline   samples of the instance's own history its z-scores compare against; at least the longest window
     * @param daySamples samples in a day (1440 at one a minute), for the difference from a day earlier
     */
    public FeatureExtractor(List<String> signals, int[] windows, int baseline, int daySamples) {
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("at least one signal is needed");
        }
        if (windows.length == 0 || Arrays.stream(windows).anyMatch(w -> w < 2)) {
            throw new IllegalArgumentException("windows must be at least 2 samples: " + Arrays.toString(windows));
        }
        // Sorted, so the schema does not depend on the order a source happens to list its signals in.
        this.signals = signals.stream().sorted().distinct().toList();
        this.windows = Arrays.stream(windows).sorted().distinct().toArray();
        if (baseline < this.windows[this.windows.length - 1]) {
            throw new IllegalArgumentException("the baseline (" + baseline + " samples) must cover the longest window");
        }
        if (daySamples < 1) {
            throw new IllegalArgumentException("a day must hold at least one sample, was " + daySamples);
        }
        this.baseline = baseline;
        this.daySamples = daySamples;
        this.schema = new FeatureSchema(features(), "features-v4 windows=" + Arrays.toString(this.windows)
                + " baseline=" + baseline + " day=" + daySamples);
    }

    public FeatureSchema schema() {
        return schema;
    }

    public List<String> signals() {
        return signals;
    }

    /** Samples of history a vector needs to be complete: the baseline, or a day and one sample when longer. */
    public int historyNeeded() {
        return Math.max(baseline, daySamples + 1);
    }

    /** Samples of the instance's own history its z-scores compare against; no feature reaches further back but one. */
    public int baseline() {
        return baseline;
    }

    /** Samples in a day: the one feature reaching further back than the baseline is the difference from a day earlier. */
    public int daySamples() {
        return daySamples;
    }

    /** The vector at sample index {@code t}, computed from samples {@code ≤ t} only. */
    public double[] vectorAt(InstanceSeries series, int t) {
        if (t < 0 || t >= series.length()) {
            throw new IndexOutOfBoundsException("index " + t + " outside series of length " + series.length());
        }
        double[][] columns = new double[signals.size()][];
        double[] dayEarlier = new double[signals.size()];
        for (int s = 0; s < columns.length; s++) {
            columns[s] = series.valuesOf(signals.get(s));
            dayEarlier[s] = t >= daySamples ? columns[s][t - daySamples] : Double.NaN;
        }
        return vectorOf(columns, series.observedDown(), t, dayEarlier);
    }

    /**
     * The vector at index {@code t} of samples given oldest first: the one computation behind every vector, from a whole
     * series ({@link #vectorAt}) or from the last {@link #baseline()} samples an instance's live {@link FeatureWindow}
     * keeps. Reads indexes {@code t - baseline + 1} to {@code t} only, and {@code dayEarlier}.
     *
     * @param columns      values per signal, in {@link #signals()} order
     * @param observedDown whether the source saw the instance down, per sample
     * @param dayEarlier   per signal, the value {@link #daySamples()} samples before {@code t}, {@code NaN} when the
     *                     history does not reach back that far
     */
    public double[] vectorOf(double[][] columns, boolean[] observedDown, int t, double[] dayEarlier) {
        double[] vector = new double[schema.size()];
        int k = 0;
        for (int s = 0; s < columns.length; s++) {
            double[] values = columns[s];
            vector[k++] = values[t];
            for (int window : windows) {
                k = windowStatistics(values, Math.max(0, t - window + 1), t, vector, k);
            }
            vector[k++] = zScore(values, Math.max(0, t - baseline + 1), t);
            vector[k++] = values[t] - dayEarlier[s];
        }
        vector[k++] = missingShare(columns, t);
        vector[k++] = gapLength(columns, t);
        vector[k] = samplesSinceObservedDown(observedDown, t);
        return vector;
    }

    private List<FeatureSchema.Feature> features() {
        List<FeatureSchema.Feature> features = new ArrayList<>();
        for (String signal : signals) {
            features.add(FeatureSchema.Feature.of(signal, FeatureSchema.Statistic.LAST, 0));
            for (int window : windows) {
                for (FeatureSchema.Statistic statistic : STATISTICS) {
                    features.add(FeatureSchema.Feature.of(signal, statistic, window));
                }
            }
            features.add(FeatureSchema.Feature.of(signal, FeatureSchema.Statistic.ZSCORE, 0));
            features.add(FeatureSchema.Feature.of(signal, FeatureSchema.Statistic.DAY_DIFF, 0));
        }
        features.add(FeatureSchema.Feature.ofInstance(FeatureSchema.Statistic.MISSING_SHARE, windows[windows.length - 1]));
        features.add(FeatureSchema.Feature.ofInstance(FeatureSchema.Statistic.GAP, 0));
        features.add(FeatureSchema.Feature.ofInstance(FeatureSchema.Statistic.SINCE_OBSERVED_DOWN, 0));
        return features;
    }

    /** Writes the window statistics of {@code values[from..to]} into {@code out} at {@code k}. */
    private static int windowStatistics(double[] values, int from, int to, double[] out, int k) {
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sumX = 0;
        double sumXX = 0;
        double sumXY = 0;
        double ewma = Double.NaN;
        double first = Double.NaN;
        double last = Double.NaN;
        double alpha = 2.0 / (to - from + 2);
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
            ewma = Double.isNaN(ewma) ? v : alpha * v + (1 - alpha) * ewma;
            if (Double.isNaN(first)) {
                first = v;
            }
            last = v;
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
        out[k + 5] = ewma;
        out[k + 6] = last - first;
        return k + STATISTICS.length;
    }

    /** How unusual the value at {@code to} is for this instance: its distance from the baseline mean in baseline stds. */
    private static double zScore(double[] values, int from, int to) {
        double last = values[to];
        if (Double.isNaN(last)) {
            return Double.NaN;
        }
        int n = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = from; i <= to; i++) {
            double v = values[i];
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
                sumSquares += v * v;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        return std == 0 ? 0 : (last - mean) / std;
    }

    /** Share of the longest window ending at {@code t} with a missing sample; time before the data counts as missing. */
    private double missingShare(double[][] columns, int t) {
        int window = windows[windows.length - 1];
        int from = Math.max(0, t - window + 1);
        int missing = window - (t - from + 1);
        for (int i = from; i <= t; i++) {
            if (anyMissing(columns, i)) {
                missing++;
            }
        }
        return (double) missing / window;
    }

    private static boolean anyMissing(double[][] columns, int i) {
        for (double[] column : columns) {
            if (Double.isNaN(column[i])) {
                return true;
            }
        }
        return false;
    }

    /** Consecutive samples up to {@code t} in which no signal has a value, capped at the baseline. */
    private double gapLength(double[][] columns, int t) {
        int gap = 0;
        for (int i = t; i >= 0 && gap < baseline; i--) {
            for (double[] column : columns) {
                if (!Double.isNaN(column[i])) {
                    return gap;
                }
            }
            gap++;
        }
        return gap;
    }

    /**
     * Samples since the source last observed the instance down, at or before {@code t} (0 while observed down), capped
     * at the baseline. Reads what the source observed, never the incident labels: a dataset's labels are not seen by a
     * live system, and a feature that read them would "predict" each incident from itself.
     */
    private double samplesSinceObservedDown(boolean[] down, int t) {
        for (int i = t; i >= 0 && t - i < baseline; i--) {
            if (down[i]) {
                return t - i;
            }
        }
        return baseline;
    }
}

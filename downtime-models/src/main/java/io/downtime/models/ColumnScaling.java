package io.downtime.models;

/**
 * Each feature's mean and standard deviation over training rows, for the models that need features on one scale:
 * standardised values are clamped to ±{@value #LIMIT} so one wild reading cannot dominate a kernel or a linear margin,
 * and a missing value becomes the training mean.
 *
 * @param means mean of each feature over the rows where it was present (0 when it never was)
 * @param stds  standard deviation of each feature (1 where it was constant or never present)
 */
public record ColumnScaling(double[] means, double[] stds) {

    static final double LIMIT = 10;

    public ColumnScaling {
        if (means.length != stds.length) {
            throw new IllegalArgumentException("a mean and a standard deviation are needed per feature");
        }
    }

    public static ColumnScaling fit(double[][] vectors, int features) {
        double[] sum = new double[features];
        double[] sumSquares = new double[features];
        long[] count = new long[features];
        for (double[] vector : vectors) {
            for (int f = 0; f < features; f++) {
                double v = vector[f];
                if (Double.isFinite(v)) {
                    sum[f] += v;
                    sumSquares[f] += v * v;
                    count[f]++;
                }
            }
        }
        double[] means = new double[features];
        double[] stds = new double[features];
        for (int f = 0; f < features; f++) {
            means[f] = count[f] == 0 ? 0 : sum[f] / count[f];
            double variance = count[f] == 0 ? 0 : Math.max(0, sumSquares[f] / count[f] - means[f] * means[f]);
            stds[f] = variance > 1e-24 ? Math.sqrt(variance) : 1;
        }
        return new ColumnScaling(means, stds);
    }

    public int size() {
        return means.length;
    }

    /** The vector in training standard deviations from the training mean, clamped; missing values become 0. */
    public double[] standardize(double[] vector) {
        double[] out = new double[means.length];
        for (int f = 0; f < out.length; f++) {
            out[f] = standardize(vector[f], f);
        }
        return out;
    }

    /** One value of feature {@code f} standardised and clamped; missing becomes 0. */
    public double standardize(double value, int f) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double z = (value - means[f]) / stds[f];
        return Math.max(-LIMIT, Math.min(LIMIT, z));
    }

    /** The vector with each missing value replaced by the feature's training mean. */
    public double[] impute(double[] vector) {
        double[] out = vector.clone();
        for (int f = 0; f < out.length; f++) {
            if (Double.isNaN(out[f])) {
                out[f] = means[f];
            }
        }
        return out;
    }
}

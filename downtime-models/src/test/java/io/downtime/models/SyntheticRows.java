package io.downtime.models;

import io.downtime.features.FeatureSchema;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled rows shaped like real feature vectors: per signal a last value and a slope, some of them missing. A row is
 * positive when cpu is high, or when memory is climbing fast; noise carries nothing.
 */
public final class SyntheticRows {

    public static final FeatureSchema SCHEMA = new FeatureSchema(List.of(last("cpu"), slope("cpu", 60), last("mem"),
            slope("mem", 5), slope("mem", 60), last("noise"), slope("noise", 60)), "synthetic");

    private SyntheticRows() {
    }

    private static FeatureSchema.Feature last(String signal) {
        return FeatureSchema.Feature.of(signal, FeatureSchema.Statistic.LAST, 0);
    }

    private static FeatureSchema.Feature slope(String signal, int window) {
        return FeatureSchema.Feature.of(signal, FeatureSchema.Statistic.SLOPE, window);
    }

    public static LabelledRows of(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] vectors = new double[n][];
        byte[] labels = new byte[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int r = 0; r < n; r++) {
            double cpu = random.nextGaussian();
            double memSlope = random.nextGaussian() * 0.02;
            double mem = 0.5 + random.nextGaussian() * 0.1;
            double[] v = {cpu, random.nextGaussian() * 0.01, mem, memSlope + random.nextGaussian() * 0.01, memSlope,
                    random.nextGaussian(), random.nextGaussian() * 0.01};
            if (random.nextDouble() < 0.1) {
                v[0] = Double.NaN;
            }
            vectors[r] = v;
            double risk = (Double.isNaN(v[0]) ? 0 : v[0]) + 60 * memSlope + 0.3 * random.nextGaussian();
            labels[r] = (byte) (risk > 2.2 ? 1 : 0);
            instances[r] = "server-" + (r % 5);
            timestamps[r] = (r / 5) * 60_000L;
        }
        return new LabelledRows(SCHEMA, vectors, labels, instances, timestamps, Duration.ofMinutes(1));
    }
}

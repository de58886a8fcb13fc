package io.downtime.evaluation;

import io.downtime.features.DowntimeLabels;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.InstanceSeries;
import io.downtime.features.datasets.Entity;
import io.downtime.models.LabelledRows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a dataset's entities into labelled feature rows with the services' own feature code. Each signal is first put
 * in standard deviations from its mean over the entity's unlabelled train part (per-entity normalisation, which uses no
 * label and nothing of the labelled part); where a dataset has no train part (NAB) the first 15 % of the series, NAB's
 * own probationary period, stands in. The train part is kept as history in front of the labelled part, so the first
 * labelled rows have full windows; only labelled rows whose label is known become rows.
 */
final class DatasetRows {

    /** Share of a series without a train part that stands in for it. */
    static final double PROBATION = 0.15;

    private final FeatureExtractor extractor;
    private final int horizonSteps;

    /**
     * @param signals the dataset's signals
     * @param step    time between samples
     * @param horizon the prediction horizon
     */
    DatasetRows(List<String> signals, Duration step, Duration horizon) {
        this.extractor = new FeatureExtractor(signals, new int[]{5, 15, 60}, 360,
                (int) Math.max(1, Duration.ofDays(1).toMillis() / step.toMillis()));
        this.horizonSteps = (int) Math.max(1, horizon.toMillis() / step.toMillis());
    }

    FeatureExtractor extractor() {
        return extractor;
    }

    int horizonSteps() {
        return horizonSteps;
    }

    /** The labelled rows of one entity, in time order. */
    LabelledRows rows(Entity entity) {
        InstanceSeries series = normalised(entity);
        int labelledFrom = entity.train().length();
        byte[] labels = DowntimeLabels.label(series.down(), horizonSteps);
        List<double[]> vectors = new ArrayList<>();
        int n = 0;
        int[] index = new int[series.length()];
        for (int t = labelledFrom; t < series.length(); t++) {
            if (labels[t] != DowntimeLabels.UNKNOWN) {
                vectors.add(extractor.vectorAt(series, t));
                index[n++] = t;
            }
        }
        byte[] rowLabels = new byte[n];
        boolean[] down = new boolean[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int i = 0; i < n; i++) {
            rowLabels[i] = labels[index[i]];
            down[i] = series.down()[index[i]];
            instances[i] = entity.name();
            timestamps[i] = series.timestamps()[index[i]];
        }
        return new LabelledRows(extractor.schema(), vectors.toArray(double[][]::new), rowLabels, down, instances,
                timestamps);
    }

    /** Train and labelled parts joined, each signal in standard deviations from its mean over the train part. */
    static InstanceSeries normalised(Entity entity) {
        InstanceSeries train = entity.train();
        InstanceSeries test = entity.test();
        int reference = train.length() > 0 ? train.length() : (int) Math.max(2, test.length() * PROBATION);
        int length = train.length() + test.length();
        long[] timestamps = new long[length];
        System.arraycopy(train.timestamps(), 0, timestamps, 0, train.length());
        System.arraycopy(test.timestamps(), 0, timestamps, train.length(), test.length());
        boolean[] down = new boolean[length];
        System.arraycopy(test.down(), 0, down, train.length(), test.length());
        List<String> signals = test.signals();
        double[][] values = new double[signals.size()][];
        for (int s = 0; s < signals.size(); s++) {
            double[] joined = new double[length];
            System.arraycopy(train.valuesOf(signals.get(s)), 0, joined, 0, train.length());
            System.arraycopy(test.valuesOf(signals.get(s)), 0, joined, train.length(), test.length());
            double[] referenceValues = Arrays.copyOf(joined, Math.min(reference, length));
            double mean = Arrays.stream(referenceValues).filter(Double::isFinite).average().orElse(0);
            double variance = Arrays.stream(referenceValues).filter(Double::isFinite)
                    .map(v -> (v - mean) * (v - mean)).average().orElse(0);
            double std = variance > 1e-12 ? Math.sqrt(variance) : 1;
            for (int t = 0; t < length; t++) {
                joined[t] = (joined[t] - mean) / std;
            }
            values[s] = joined;
        }
        return new InstanceSeries(entity.name(), timestamps, signals, values, down);
    }
}

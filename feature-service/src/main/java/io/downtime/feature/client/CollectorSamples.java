package io.downtime.feature.client;

import io.downtime.features.InstanceSeries;

import java.util.List;

/**
 * The collector's samples of one instance, as columns; null values are missing samples. {@code observedDown} is what the
 * source saw, {@code incidents} the labels (never a feature).
 */
public record CollectorSamples(String instance, String step, List<String> signals, long[] timestamps,
                               List<Double[]> values, boolean[] observedDown, boolean[] incidents) {

    public InstanceSeries toSeries() {
        double[][] columns = new double[values.size()][];
        for (int s = 0; s < columns.length; s++) {
            Double[] boxed = values.get(s);
            columns[s] = new double[boxed.length];
            for (int t = 0; t < boxed.length; t++) {
                columns[s][t] = boxed[t] == null ? Double.NaN : boxed[t];
            }
        }
        return new InstanceSeries(instance, timestamps, signals, columns, observedDown, incidents);
    }
}

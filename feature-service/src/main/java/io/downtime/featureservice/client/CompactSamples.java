package io.downtime.featureservice.client;

import io.downtime.features.Base64Columns;
import io.downtime.features.InstanceSeries;

import java.util.List;

/**
 * The collector's samples of one instance in its compact form ({@code GET /samples?format=compact}): each signal's
 * values as a Base64 float32 column, NaN where missing. {@code observedDown} is what the source saw, {@code incidents}
 * the labels (never a feature).
 */
public record CompactSamples(String instance, String step, List<String> signals, long[] timestamps,
                             List<String> values, boolean[] observedDown, boolean[] incidents) {

    public InstanceSeries toSeries() {
        double[][] columns = new double[values.size()][];
        for (int s = 0; s < columns.length; s++) {
            float[] floats = Base64Columns.decodeFloats(values.get(s));
            columns[s] = new double[floats.length];
            for (int t = 0; t < floats.length; t++) {
                columns[s][t] = floats[t];
            }
        }
        return new InstanceSeries(instance, timestamps, signals, columns, observedDown, incidents);
    }
}

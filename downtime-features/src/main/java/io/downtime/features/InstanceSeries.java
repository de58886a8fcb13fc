package io.downtime.features;

import java.util.Arrays;
import java.util.List;

/**
 * Regularly sampled history of one instance: a value per signal and time ({@code NaN} where no sample exists) and
 * whether the instance was down (in an incident) at that time.
 *
 * @param instance   name of the instance
 * @param timestamps sample times in epoch milliseconds, strictly increasing
 * @param signals    names of the signals, in the order of {@code values}
 * @param values     {@code values[signal][time]}
 * @param down       {@code down[time]}: an incident was under way at that sample
 */
public record InstanceSeries(String instance, long[] timestamps, List<String> signals, double[][] values,
                             boolean[] down) {

    public InstanceSeries {
        signals = List.copyOf(signals);
        if (values.length != signals.size()) {
            throw new IllegalArgumentException(
                    "series of " + instance + " has " + values.length + " value rows for " + signals.size() + " signals");
        }
        for (double[] row : values) {
            if (row.length != timestamps.length) {
                throw new IllegalArgumentException("series of " + instance + " has rows of different lengths");
            }
        }
        if (down.length != timestamps.length) {
            throw new IllegalArgumentException("series of " + instance + " has " + down.length
                    + " down flags for " + timestamps.length + " timestamps");
        }
        for (int t = 1; t < timestamps.length; t++) {
            if (timestamps[t] <= timestamps[t - 1]) {
                throw new IllegalArgumentException("timestamps of " + instance + " are not strictly increasing at index " + t);
            }
        }
    }

    public int length() {
        return timestamps.length;
    }

    /** The values of {@code signal}, or all {@code NaN} when this series does not carry it. */
    public double[] valuesOf(String signal) {
        int index = signals.indexOf(signal);
        if (index >= 0) {
            return values[index];
        }
        double[] missing = new double[length()];
        Arrays.fill(missing, Double.NaN);
        return missing;
    }
}

package io.downtime.features;

import java.util.Arrays;
import java.util.List;

/**
 * Regularly sampled history of one instance: a value per signal and time ({@code NaN} where no sample exists), what the
 * source observed of its state, and the incidents known for it.
 * <p>
 * Two different things are kept apart here, and only the first may ever reach a feature (DESIGN.md, "Observable
 * only"): {@code observedDown} is what a live system sees at that moment (the instance was not scraped, {@code up ==
 * 0}); {@code incidents} is ground truth (a dataset's anomaly labels, or the observed down periods long enough to
 * count as incidents) and serves only to label rows and to score models. Dataset replay observes no down state at
 * all: its {@code observedDown} is all false while its {@code incidents} carry the labels.
 *
 * @param instance     name of the instance
 * @param timestamps   sample times in epoch milliseconds, strictly increasing
 * @param signals      names of the signals, in the order of {@code values}
 * @param values       {@code values[signal][time]}
 * @param observedDown {@code observedDown[time]}: the source saw the instance down at that sample
 * @param incidents    {@code incidents[time]}: an incident was under way at that sample (a label, never a feature)
 */
public record InstanceSeries(String instance, long[] timestamps, List<String> signals, double[][] values,
                             boolean[] observedDown, boolean[] incidents) {

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
        if (observedDown.length != timestamps.length || incidents.length != timestamps.length) {
            throw new IllegalArgumentException("series of " + instance + " has " + observedDown.length
                    + " observed-down flags and " + incidents.length + " incident flags for " + timestamps.length
                    + " timestamps");
        }
        for (int t = 1; t < timestamps.length; t++) {
            if (timestamps[t] <= timestamps[t - 1]) {
                throw new IllegalArgumentException("timestamps of " + instance + " are not strictly increasing at index " + t);
            }
        }
    }

    /** A series whose source observes its down state, and whose incidents are exactly the down periods observed. */
    public static InstanceSeries observed(String instance, long[] timestamps, List<String> signals, double[][] values,
                                          boolean[] observedDown) {
        return new InstanceSeries(instance, timestamps, signals, values, observedDown, observedDown.clone());
    }

    /** A series of a labelled dataset: no down state is observed, the labels are its incidents. */
    public static InstanceSeries labelled(String instance, long[] timestamps, List<String> signals, double[][] values,
                                          boolean[] incidents) {
        return new InstanceSeries(instance, timestamps, signals, values, new boolean[timestamps.length], incidents);
    }

    /** The same samples with other incidents (labels), e.g. with the periods too short to be incidents cleared. */
    public InstanceSeries withIncidents(boolean[] otherIncidents) {
        return new InstanceSeries(instance, timestamps, signals, values, observedDown, otherIncidents);
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

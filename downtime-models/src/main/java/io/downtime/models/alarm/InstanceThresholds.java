package io.downtime.models.alarm;

import io.downtime.models.quality.RowsByInstance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An alarm threshold per instance, read from that instance's own normal history: the lowest score that would have kept
 * its false alarms within the budget there (every row of that history counts as normal: it carries no label). A score
 * is then expressed relative to its instance's threshold (see {@link AlertBudget#relative}), so one global threshold
 * (0.5) means "at or above this server's own limit", and a server no model has seen gets a limit that fits its own
 * noise level, without any label.
 */
public final class InstanceThresholds {

    private final Map<String, Double> thresholds;

    private InstanceThresholds(Map<String, Double> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    /**
     * @param scores     a model's scores of each instance's normal history
     * @param instances  instance of each row
     * @param timestamps time of each row
     * @param horizon    the horizon false alarms are counted with
     * @param step       time between two samples of an instance
     * @param budget     false alarms allowed per instance per day
     */
    public static InstanceThresholds fit(double[] scores, String[] instances, long[] timestamps, Duration horizon,
                                         Duration step, double budget) {
        AlertBudget alerts = new AlertBudget(horizon, step);
        Map<String, Double> thresholds = new HashMap<>();
        RowsByInstance.of(instances, timestamps).forEach((instance, rows) -> thresholds.put(instance,
                alerts.ownThreshold(instance, pick(scores, rows), pick(timestamps, rows), budget)));
        return new InstanceThresholds(thresholds);
    }

    /** The threshold of {@code instance}; throws naming it when its history was not given. */
    public double of(String instance) {
        Double threshold = thresholds.get(instance);
        if (threshold == null) {
            throw new IllegalArgumentException("no normal history of instance '" + instance + "' to set its threshold");
        }
        return threshold;
    }

    /** The scores relative to their instances' thresholds: 0.5 at the threshold, order within an instance kept. */
    public double[] relative(double[] scores, String[] instances) {
        double[] relative = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            relative[i] = AlertBudget.relative(scores[i], of(instances[i]));
        }
        return relative;
    }

    private static double[] pick(double[] values, List<Integer> rows) {
        return rows.stream().mapToDouble(i -> values[i]).toArray();
    }

    private static long[] pick(long[] values, List<Integer> rows) {
        return rows.stream().mapToLong(i -> values[i]).toArray();
    }
}

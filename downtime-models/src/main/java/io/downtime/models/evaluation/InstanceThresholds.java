package io.downtime.models.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An alarm threshold per instance, read from that instance's own normal history: the lowest score that would have kept
 * its false alarms within the budget there (every row of that history counts as normal: it carries no label). A score
 * is then expressed relative to its instance's threshold, so one global threshold (0.5) means "at or above this
 * server's own limit", and a server no model has seen gets a limit that fits its own noise level, without any label.
 * <p>
 * Relative score: {@code sigmoid(logit(p) - logit(threshold))}; it keeps each instance's order of scores, is 0.5
 * exactly at the instance's threshold, and stays in (0, 1).
 */
public final class InstanceThresholds {

    private static final double EPSILON = 1e-12;

    private final Map<String, Double> thresholds;

    private InstanceThresholds(Map<String, Double> thresholds) {
        this.thresholds = Map.copyOf(thresholds);
    }

    /**
     * @param scores     a model's scores of each instance's normal history
     * @param instances  instance of each row
     * @param timestamps time of each row
     * @param horizon    the horizon false alarms are counted with
     * @param budget     false alarms allowed per instance per day
     */
    public static InstanceThresholds fit(double[] scores, String[] instances, long[] timestamps, Duration horizon,
                                         double budget) {
        Map<String, List<Integer>> byInstance = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            byInstance.computeIfAbsent(instances[i], k -> new ArrayList<>()).add(i);
        }
        AlertBudget alerts = new AlertBudget(horizon);
        Map<String, Double> thresholds = new HashMap<>();
        byInstance.forEach((instance, rows) -> {
            int n = rows.size();
            double[] s = new double[n];
            long[] t = new long[n];
            String[] in = new String[n];
            for (int i = 0; i < n; i++) {
                s[i] = scores[rows.get(i)];
                t[i] = timestamps[rows.get(i)];
                in[i] = instance;
            }
            thresholds.put(instance, alerts.threshold(new AlertBudget.Rows(s, new byte[n], in, t), budget));
        });
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

    /** Every instance's threshold. */
    public Map<String, Double> all() {
        return thresholds;
    }

    /** The scores relative to their instances' thresholds: 0.5 at the threshold, order within an instance kept. */
    public double[] relative(double[] scores, String[] instances) {
        double[] relative = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            relative[i] = sigmoid(logit(scores[i]) - logit(of(instances[i])));
        }
        return relative;
    }

    private static double logit(double p) {
        double clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(clamped / (1 - clamped));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}

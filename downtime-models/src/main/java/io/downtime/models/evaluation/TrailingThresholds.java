package io.downtime.models.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarm thresholds that follow each instance: once a day, each instance's threshold is read anew from its own scores of
 * the trailing window (the lowest that would have kept it within the alert budget there, every row counted as normal:
 * nothing is labelled). Only past scores of that instance are used, so a live system computes the same; a server
 * whose behaviour drifts gets a threshold that drifts with it, where a threshold read once from an old stretch of
 * history would alarm on the new normal all day.
 * <p>
 * Scores are returned relative to the threshold in force at their row, {@code sigmoid(logit(p) - logit(threshold))}:
 * 0.5 exactly at the threshold, the order of an instance's scores under one threshold kept.
 */
public final class TrailingThresholds {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final double EPSILON = 1e-12;

    private final AlertBudget alerts;
    private final long windowMillis;
    private final double budget;

    /**
     * @param window  how much of each instance's recent scores a threshold is read from
     * @param horizon the horizon false alarms are counted with
     * @param budget  false alarms allowed per instance per day
     */
    public TrailingThresholds(Duration window, Duration horizon, double budget) {
        if (window.toMillis() < DAY) {
            throw new IllegalArgumentException("the trailing window must be at least a day, was " + window);
        }
        this.alerts = new AlertBudget(horizon);
        this.windowMillis = window.toMillis();
        this.budget = budget;
    }

    /** Rows of scores: the history before the scored rows, or the scored rows themselves. */
    public record Scores(double[] scores, String[] instances, long[] timestamps) {
    }

    /**
     * The scores of {@code scored} relative to the threshold in force at each row, read from the instance's scores in
     * {@code history} (rows before) and the earlier scored rows.
     */
    public double[] relative(Scores history, Scores scored) {
        Map<String, List<long[]>> past = new HashMap<>();
        Map<String, List<Double>> pastScores = new HashMap<>();
        for (int i = 0; i < history.scores().length; i++) {
            past.computeIfAbsent(history.instances()[i], k -> new ArrayList<>()).add(new long[]{history.timestamps()[i]});
            pastScores.computeIfAbsent(history.instances()[i], k -> new ArrayList<>()).add(history.scores()[i]);
        }
        Map<String, List<Integer>> rows = new HashMap<>();
        for (int i = 0; i < scored.scores().length; i++) {
            rows.computeIfAbsent(scored.instances()[i], k -> new ArrayList<>()).add(i);
        }
        double[] relative = new double[scored.scores().length];
        rows.forEach((instance, indices) -> {
            indices.sort((a, b) -> Long.compare(scored.timestamps()[a], scored.timestamps()[b]));
            List<long[]> times = past.getOrDefault(instance, List.of());
            List<Double> values = pastScores.getOrDefault(instance, List.of());
            int n = times.size() + indices.size();
            long[] t = new long[n];
            double[] s = new double[n];
            for (int i = 0; i < times.size(); i++) {
                t[i] = times.get(i)[0];
                s[i] = values.get(i);
            }
            for (int i = 0; i < indices.size(); i++) {
                t[times.size() + i] = scored.timestamps()[indices.get(i)];
                s[times.size() + i] = scored.scores()[indices.get(i)];
            }
            int first = times.size();
            double threshold = Double.NaN;
            long validUntil = Long.MIN_VALUE;
            for (int i = first; i < n; i++) {
                if (t[i] >= validUntil) {
                    threshold = thresholdBefore(instance, t, s, i);
                    validUntil = t[i] + DAY;
                }
                relative[indices.get(i - first)] = sigmoid(logit(s[i]) - logit(threshold));
            }
        });
        return relative;
    }

    /** The budget threshold of the instance's scores in the window before row {@code end}; 1 (never) without any. */
    private double thresholdBefore(String instance, long[] t, double[] s, int end) {
        long from = t[end] - windowMillis;
        int start = end;
        while (start > 0 && t[start - 1] >= from) {
            start--;
        }
        if (start == end) {
            return 1.0;
        }
        int n = end - start;
        String[] in = new String[n];
        Arrays.fill(in, instance);
        return alerts.threshold(new AlertBudget.Rows(Arrays.copyOfRange(s, start, end), new byte[n], in,
                Arrays.copyOfRange(t, start, end)), budget);
    }

    private static double logit(double p) {
        double clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
        return Math.log(clamped / (1 - clamped));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}

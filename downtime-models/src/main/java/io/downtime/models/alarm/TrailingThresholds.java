package io.downtime.models.alarm;

import io.downtime.models.quality.RowsByInstance;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Alarm thresholds that follow each instance: once a day, each instance's threshold is read anew from its own scores of
 * the trailing window (the lowest that would have kept it within the alert budget there, every row counted as normal:
 * nothing is labelled). Only past scores of that instance are used, so a live system computes the same; a server
 * whose behaviour drifts gets a threshold that drifts with it, where a threshold read once from an old stretch of
 * history would alarm on the new normal all day.
 * <p>
 * Scores are returned relative to the threshold in force at their row ({@link AlertBudget#relative}): 0.5 exactly at
 * the threshold, the order of an instance's scores under one threshold kept.
 */
public final class TrailingThresholds {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final AlertBudget alerts;
    private final long windowMillis;
    private final double budget;

    /**
     * @param window  how much of each instance's recent scores a threshold is read from
     * @param horizon the horizon false alarms are counted with
     * @param step    time between two samples of an instance
     * @param budget  false alarms allowed per instance per day
     */
    public TrailingThresholds(Duration window, Duration horizon, Duration step, double budget) {
        if (window.toMillis() < DAY) {
            throw new IllegalArgumentException("the trailing window must be at least a day, was " + window);
        }
        this.alerts = new AlertBudget(horizon, step);
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
        Map<String, List<Integer>> past = RowsByInstance.of(history.instances(), history.timestamps());
        double[] relative = new double[scored.scores().length];
        RowsByInstance.of(scored.instances(), scored.timestamps()).forEach((instance, rows) -> {
            List<Integer> before = past.getOrDefault(instance, List.of());
            int first = before.size();
            int n = first + rows.size();
            long[] t = new long[n];
            double[] s = new double[n];
            for (int i = 0; i < first; i++) {
                t[i] = history.timestamps()[before.get(i)];
                s[i] = history.scores()[before.get(i)];
            }
            for (int i = 0; i < rows.size(); i++) {
                t[first + i] = scored.timestamps()[rows.get(i)];
                s[first + i] = scored.scores()[rows.get(i)];
            }
            double threshold = Double.NaN;
            long validUntil = Long.MIN_VALUE;
            for (int i = first; i < n; i++) {
                if (t[i] >= validUntil) {
                    threshold = thresholdBefore(instance, t, s, i);
                    validUntil = t[i] + DAY;
                }
                relative[rows.get(i - first)] = AlertBudget.relative(s[i], threshold);
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
        return alerts.ownThreshold(instance, Arrays.copyOfRange(s, start, end), Arrays.copyOfRange(t, start, end),
                budget);
    }
}

package io.downtime.models.alarm;

import io.downtime.models.quality.RowsByInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * False alarms as an operator counts them, and the alarm threshold that keeps them within a budget.
 * <p>
 * A false alarm is a run of consecutive alarmed rows (score at or above the threshold) of one instance on negative rows
 * (no incident under way, none starting within the horizon). It counts once per started horizon of its length, as an
 * alert that re-notifies would: a never-ending alarm is not cheap, and an alarm that outlasts an incident is false for
 * the time it runs on after the recovery.
 */
public final class AlertBudget {

    private final long horizonMillis;
    private final long step;

    /**
     * @param horizon the prediction horizon: an episode counts once per started horizon of its length
     * @param step    time between two samples of an instance: an episode's rows are at most 1.5 steps apart, and
     *                each lasts one step
     */
    public AlertBudget(Duration horizon, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the sample step must be positive, was " + step);
        }
        this.horizonMillis = horizon.toMillis();
        this.step = step.toMillis();
    }

    /** Rows of one evaluation: score, label, instance and time of each. */
    public record Rows(double[] scores, byte[] labels, String[] instances, long[] timestamps) {
    }

    /** False alarms per instance per day at {@code threshold}, averaged over the instances. */
    public double falseAlarmsPerDay(Rows rows, double threshold) {
        Map<String, List<Integer>> byInstance = RowsByInstance.of(rows.instances(), rows.timestamps());
        double total = 0;
        for (List<Integer> indices : byInstance.values()) {
            long first = rows.timestamps()[indices.get(0)];
            long last = rows.timestamps()[indices.get(indices.size() - 1)];
            double days = Math.max(step, last - first + step) / 86_400_000.0;
            total += falseAlarms(rows, indices, threshold) / days;
        }
        return byInstance.isEmpty() ? 0 : total / byInstance.size();
    }

    /** Share of negative rows that are alarmed at {@code threshold}. */
    public static double alarmTimeShare(Rows rows, double threshold) {
        long negatives = 0;
        long alarmed = 0;
        for (int i = 0; i < rows.scores().length; i++) {
            if (rows.labels()[i] == 0) {
                negatives++;
                if (rows.scores()[i] >= threshold) {
                    alarmed++;
                }
            }
        }
        return negatives == 0 ? 0 : (double) alarmed / negatives;
    }

    /**
     * The lowest threshold among the scores (so the most incidents are caught) whose false alarms stay within
     * {@code perInstancePerDay}; found by bisection, as false alarms fall as the threshold rises. 1.0 (never alarm)
     * when even the highest score is over budget.
     */
    public double threshold(Rows rows, double perInstancePerDay) {
        double[] candidates = Arrays.stream(rows.scores()).distinct().sorted().toArray();
        if (candidates.length == 0) {
            return 1.0;
        }
        int low = 0;
        int high = candidates.length - 1;
        if (falseAlarmsPerDay(rows, candidates[high]) > perInstancePerDay) {
            return Math.nextUp(candidates[high]);
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (falseAlarmsPerDay(rows, candidates[middle]) <= perInstancePerDay) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return candidates[low];
    }

    /**
     * Runs of consecutive alarmed negative rows, each counted once per started horizon of its length. An episode that
     * begins before an incident's warning window, or runs on after its recovery, is false for exactly those stretches.
     */
    private long falseAlarms(Rows rows, List<Integer> indices, double threshold) {
        long count = 0;
        int i = 0;
        while (i < indices.size()) {
            int row = indices.get(i);
            if (!(rows.scores()[row] >= threshold) || rows.labels()[row] != 0) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < indices.size() && falselyAlarmed(rows, indices.get(end + 1), threshold)
                    && rows.timestamps()[indices.get(end + 1)] - rows.timestamps()[indices.get(end)] <= step * 3 / 2) {
                end++;
            }
            long length = rows.timestamps()[indices.get(end)] - rows.timestamps()[row] + step;
            count += Math.max(1, (length + horizonMillis - 1) / horizonMillis);
            i = end + 1;
        }
        return count;
    }

    private static boolean falselyAlarmed(Rows rows, int row, double threshold) {
        return rows.scores()[row] >= threshold && rows.labels()[row] == 0;
    }

    /**
     * The lowest threshold that keeps one instance's unlabelled rows (all counted as normal) within
     * {@code perInstancePerDay}: the threshold an instance's own history gives it.
     */
    double ownThreshold(String instance, double[] scores, long[] timestamps, double perInstancePerDay) {
        String[] instances = new String[scores.length];
        Arrays.fill(instances, instance);
        return threshold(new Rows(scores, new byte[scores.length], instances, timestamps), perInstancePerDay);
    }

    /**
     * {@code score} relative to {@code threshold}: {@code sigmoid(logit(score) - logit(threshold))}, 0.5 exactly at the
     * threshold, in (0, 1), and in the order of the scores for one threshold.
     */
    static double relative(double score, double threshold) {
        return 1 / (1 + Math.exp(logit(threshold) - logit(score)));
    }

    private static double logit(double p) {
        double clamped = Math.min(1 - 1e-12, Math.max(1e-12, p));
        return Math.log(clamped / (1 - clamped));
    }
}

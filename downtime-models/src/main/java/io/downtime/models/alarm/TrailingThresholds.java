package io.downtime.models.alarm;

import io.downtime.models.quality.RowsByInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Alarm thresholds that follow each instance, for the rows of many instances: once a day, each instance's threshold is
 * read anew from its own scores of the trailing window (the lowest that would have kept it within the alert budget
 * there, every row counted as normal: nothing is labelled), by the {@link TrailingThreshold} the live predictor uses
 * too. Only past scores of that instance are used, so a live system computes the same; a server
 * whose behaviour drifts gets a threshold that drifts with it, where a threshold read once from an old stretch of
 * history would alarm on the new normal all day.
 * <p>
 * Scores are returned relative to the threshold in force at their row ({@link AlertBudget#relative}): 0.5 exactly at
 * the threshold, the order of an instance's scores under one threshold kept.
 */
public final class TrailingThresholds {

    private final AlertBudget alerts;
    private final Duration window;
    private final double budget;

    /**
     * @param window  how much of each instance's recent scores a threshold is read from
     * @param horizon the horizon false alarms are counted with
     * @param step    time between two samples of an instance
     * @param budget  false alarms allowed per instance per day
     */
    public TrailingThresholds(Duration window, Duration horizon, Duration step, double budget) {
        TrailingThreshold.requireAtLeastADay(window);
        this.alerts = new AlertBudget(horizon, step);
        this.window = window;
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
            TrailingThreshold threshold = new TrailingThreshold(alerts, instance, window, Duration.ZERO, budget);
            for (int row : past.getOrDefault(instance, List.of())) {
                threshold.add(history.timestamps()[row], history.scores()[row]);
            }
            for (int row : rows) {
                long time = scored.timestamps()[row];
                relative[row] = AlertBudget.relative(scored.scores()[row], threshold.at(time));
                threshold.add(time, scored.scores()[row]);
            }
        });
        return relative;
    }
}

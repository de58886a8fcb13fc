package io.downtime.models;


import java.time.Duration;
import java.util.function.Function;

/**
 * Trains on the earlier part of the history and validates on the later part, as the model will be used: on the
 * future. Training rows within one horizon before the cut are dropped, because their labels look into the
 * validation period. The validation part is itself split in time: the alarm threshold is chosen on its first half
 * (the lowest that keeps false alarms within the alert budget, per instance per day, counted as an operator would, see
 * {@link io.downtime.models.alarm.AlertBudget}), and every reported figure is taken on its second half, rows that
 * chose nothing. PR-AUC and ROC-AUC need no threshold and are taken on the second half too, so all figures describe the
 * same rows.
 */
public final class ChronologicalHoldout {

    private final double validationShare;
    private final Duration horizon;
    private final double alertBudgetPerDay;

    /**
     * @param validationShare   share of the time span, at its end, used for validation
     * @param horizon           the prediction horizon the labels were built with
     * @param alertBudgetPerDay false alarms allowed per instance per day
     */
    public ChronologicalHoldout(double validationShare, Duration horizon, double alertBudgetPerDay) {
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1), was " + validationShare);
        }
        if (!(alertBudgetPerDay >= 0)) {
            throw new IllegalArgumentException("the alert budget must not be negative, was " + alertBudgetPerDay);
        }
        this.validationShare = validationShare;
        this.horizon = horizon;
        this.alertBudgetPerDay = alertBudgetPerDay;
    }

    /** A model trained on the earlier part, with its quality on the later part. */
    public record Outcome<M extends DowntimeModel>(M model, ModelQuality quality) {
    }

    public <M extends DowntimeModel> Outcome<M> run(LabelledRows rows, Function<LabelledRows, M> trainer) {
        if (rows.size() == 0) {
            throw new IllegalArgumentException("no labelled rows to train on");
        }
        long first = rows.firstTimestamp();
        long last = rows.lastTimestamp();
        long cut = first + Math.round((last - first) * (1 - validationShare));
        LabelledRows training = rows.between(first, cut - horizon.toMillis());
        LabelledRows validation = rows.between(cut, last + 1);
        long reportFrom = cut + (last + 1 - cut) / 2;
        LabelledRows thresholdRows = validation.between(cut, reportFrom);
        LabelledRows reported = validation.between(reportFrom, last + 1);
        if (training.positives() == 0 || reported.positives() == 0) {
            String part = training.positives() == 0 ? "training" : "validation (its second half, which is reported)";
            throw new IllegalArgumentException("the history has no incident in its " + part
                    + " part; a longer history is needed to train and validate");
        }
        long started = System.nanoTime();
        M model = trainer.apply(training.predictions());
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        QualityMeasurement measurement = new QualityMeasurement(horizon, alertBudgetPerDay);
        double threshold = measurement.threshold(QualityMeasurement.scores(model, thresholdRows), thresholdRows);
        ModelQuality quality = measurement.measure(training, threshold, reported,
                QualityMeasurement.scores(model, reported), trainSeconds);
        return new Outcome<>(model, quality);
    }
}

package io.downtime.models;

import io.downtime.models.quality.Calibration;
import io.downtime.models.quality.EventMetrics;

import java.util.List;

/**
 * How a model was trained and how well it did on held-out later data.
 *
 * @param trainingRows        rows trained on
 * @param trainingPositives   positive rows among them
 * @param validationRows      rows validated on
 * @param validationPositives positive rows among them
 * @param trainingFrom        epoch millis of the first training row
 * @param validationFrom      epoch millis where validation starts
 * @param validationTo        epoch millis of the last validation row
 * @param prAuc               area under the precision-recall curve on validation ({@code NaN} without positives)
 * @param rocAuc              area under the ROC curve on validation
 * @param threshold           alarm threshold chosen on validation
 * @param accuracy            at the threshold
 * @param precision           at the threshold
 * @param recall              at the threshold
 * @param f1                  at the threshold
 * @param falseAlarmsPerDay   false alarms per instance per day on validation, at the threshold
 * @param alarmTimeShare      share of normal validation time spent alarmed, at the threshold
 * @param events              incidents in the validation window and how many were caught, and how early
 * @param trainSeconds        wall-clock training time
 * @param confusion           row counts on validation at the threshold
 * @param precisionRecall     the precision-recall curve on validation, at most 50 points of {recall, precision}
 * @param calibration         Brier score and reliability table on validation; null in models stored before it existed
 * @param observedDownRows    validation rows left out of every figure because the source already observed the instance
 *                            down there (no prediction); 0 in models stored before it was counted
 */
public record ModelQuality(long trainingRows, long trainingPositives, long validationRows, long validationPositives,
                           long trainingFrom, long validationFrom, long validationTo, double prAuc, double rocAuc,
                           double threshold,
                           double accuracy, double precision, double recall, double f1, double falseAlarmsPerDay,
                           double alarmTimeShare, EventMetrics events, double trainSeconds, Counts confusion,
                           List<double[]> precisionRecall, Calibration calibration, long observedDownRows) {

    /** A confusion matrix. */
    public record Counts(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {
    }
}

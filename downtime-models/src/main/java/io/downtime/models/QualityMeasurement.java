package io.downtime.models;

import io.downtime.models.alarm.AlertBudget;
import io.downtime.models.quality.BinaryMetrics;
import io.downtime.models.quality.BinaryMetrics.Confusion;
import io.downtime.models.quality.Calibration;
import io.downtime.models.quality.EventMetrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Measures a trained model as DESIGN.md defines it: the alarm threshold is the lowest that keeps false alarms within
 * the alert budget on the threshold rows, and every figure is then taken on the test rows (which may be the same rows,
 * as in a service's validation window, or later ones, as in an offline evaluation).
 *
 * @param horizon           the horizon the labels were built with
 * @param alertBudgetPerDay false alarms allowed per instance per day
 */
public record QualityMeasurement(Duration horizon, double alertBudgetPerDay) {

    public QualityMeasurement {
        if (!(alertBudgetPerDay >= 0)) {
            throw new IllegalArgumentException("the alert budget must not be negative, was " + alertBudgetPerDay);
        }
    }

    /** Every row's probability, scored on all cores. */
    public static double[] scores(DowntimeModel model, LabelledRows rows) {
        double[] scores = new double[rows.size()];
        IntStream.range(0, scores.length).parallel().forEach(i -> scores[i] = model.probability(rows.vectors()[i]));
        return scores;
    }

    /** The threshold that meets the alert budget on {@code rows}, given their scores (observed-down rows left out). */
    public double threshold(double[] scores, LabelledRows rows) {
        Predictions predictions = Predictions.of(rows, scores, scores);
        return new AlertBudget(horizon, rows.step()).threshold(alarms(predictions.alarmScores(), predictions.rows()),
                alertBudgetPerDay);
    }

    /**
     * @param training     the rows the model was fitted on (for their counts and time span)
     * @param threshold    the alarm threshold
     * @param test         the rows measured
     * @param testScores   the model's probabilities of the test rows
     * @param trainSeconds how long fitting took
     */
    public ModelQuality measure(LabelledRows training, double threshold, LabelledRows test, double[] testScores,
                                double trainSeconds) {
        return measure(training, threshold, test, testScores, testScores, trainSeconds);
    }

    /**
     * The same, where alarms are raised on other scores than the probabilities, e.g. scores relative to a threshold of
     * each instance's own: the figures that need no threshold (PR-AUC, ROC-AUC, the precision-recall curve,
     * calibration) describe the probabilities the model serves, the others the alarms.
     *
     * @param probabilities the model's probabilities of the test rows
     * @param alarmScores   the scores alarms are raised on, at or above {@code threshold}
     */
    public ModelQuality measure(LabelledRows training, double threshold, LabelledRows allTest, double[] probabilities,
                                double[] alarmScores, double trainSeconds) {
        // Incidents are found on every row, but only predictions can raise an alarm: an observed-down row has none.
        double[] eventScores = alarmScores.clone();
        for (int i = 0; i < eventScores.length; i++) {
            if (allTest.observedDown()[i]) {
                eventScores[i] = Double.NaN;
            }
        }
        EventMetrics events = EventMetrics.of(eventScores, allTest.incidents(), allTest.instances(),
                allTest.timestamps(), threshold, horizon);
        Predictions predictions = Predictions.of(allTest, probabilities, alarmScores);
        LabelledRows test = predictions.rows();
        double[] p = predictions.probabilities();
        double[] a = predictions.alarmScores();
        training = training.predictions();
        AlertBudget.Rows alarms = alarms(a, test);
        Confusion confusion = Confusion.at(a, test.labels(), threshold);
        return new ModelQuality(training.size(), training.positives(), test.size(), test.positives(),
                training.size() == 0 ? test.firstTimestamp() : training.firstTimestamp(), test.firstTimestamp(),
                test.lastTimestamp(), BinaryMetrics.prAuc(p, test.labels()),
                BinaryMetrics.rocAuc(p, test.labels()), threshold, confusion.accuracy(), confusion.precision(),
                confusion.recall(), confusion.f1(),
                new AlertBudget(horizon, test.step()).falseAlarmsPerDay(alarms, threshold),
                AlertBudget.alarmTimeShare(alarms, threshold),
                events,
                trainSeconds,
                new ModelQuality.Counts(confusion.truePositives(), confusion.falsePositives(),
                        confusion.trueNegatives(), confusion.falseNegatives()),
                BinaryMetrics.precisionRecallCurve(p, test.labels(), 50),
                Calibration.of(p, test.labels(), 10), allTest.observedDownRows());
    }

    /** The rows that are predictions, with their probabilities and alarm scores. */
    private record Predictions(LabelledRows rows, double[] probabilities, double[] alarmScores) {

        static Predictions of(LabelledRows rows, double[] probabilities, double[] alarmScores) {
            if (rows.observedDownRows() == 0) {
                return new Predictions(rows, probabilities, alarmScores);
            }
            int[] kept = IntStream.range(0, rows.size()).filter(i -> !rows.observedDown()[i]).toArray();
            return new Predictions(rows.predictions(), Arrays.stream(kept).mapToDouble(i -> probabilities[i]).toArray(),
                    Arrays.stream(kept).mapToDouble(i -> alarmScores[i]).toArray());
        }
    }

    private static AlertBudget.Rows alarms(double[] scores, LabelledRows rows) {
        return new AlertBudget.Rows(scores, rows.labels(), rows.instances(), rows.timestamps());
    }
}

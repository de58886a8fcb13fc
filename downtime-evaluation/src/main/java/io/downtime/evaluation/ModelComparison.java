package io.downtime.evaluation;

import io.downtime.models.Algorithm;
import io.downtime.models.DowntimeModel;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelQuality;
import io.downtime.models.ModelSettings;
import io.downtime.models.QualityMeasurement;
import io.downtime.models.alarm.InstanceThresholds;
import io.downtime.models.alarm.TrailingThresholds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Trains every algorithm on the same split and measures each the same way: fitted on the fit rows, alarm threshold for
 * the alert budget, figures on the test rows, pooled and for each tested server. PR-AUC, ROC-AUC and calibration are
 * of the probabilities the model serves; the alarm figures of the thresholds (pooled, or each server's own).
 */
final class ModelComparison {

    /** Where alarm thresholds come from. */
    enum Thresholds {
        /** One threshold for every server, chosen on the threshold rows of the training servers. */
        POOLED,
        /**
         * One per server, read from that server's own unlabelled history before the test rows; scores are reported
         * relative to it (see {@link InstanceThresholds}).
         */
        PER_INSTANCE,
        /**
         * One per server, read anew each day from that server's own scores of the trailing week (its history before
         * the test rows, then the earlier test rows themselves); see {@link TrailingThresholds}.
         */
        TRAILING;

        static Thresholds of(String name) {
            return switch (name) {
                case "pooled" -> POOLED;
                case "per-instance" -> PER_INSTANCE;
                case "trailing" -> TRAILING;
                default -> throw new CommandLine.UsageException(
                        "--thresholds must be trailing, per-instance or pooled, was '" + name + "'");
            };
        }
    }

    /** How much of a server's recent scores its trailing threshold is read from. */
    static final Duration TRAILING_WINDOW = Duration.ofDays(7);

    /** Rows timed on one thread for the scoring cost per row. */
    private static final int TIMED_ROWS = 5_000;

    private final ModelSettings settings;
    private final QualityMeasurement measurement;
    private final Thresholds thresholds;

    ModelComparison(ModelSettings settings, QualityMeasurement measurement, Thresholds thresholds) {
        this.settings = settings;
        this.measurement = measurement;
        this.thresholds = thresholds;
    }

    /** One result per algorithm, in the order given; {@code progress} hears of each step. */
    List<ModelResult> run(EvaluationSplit split, List<Algorithm> algorithms, Progress progress) {
        List<ModelResult> results = new ArrayList<>();
        int step = 0;
        for (Algorithm algorithm : algorithms) {
            progress.update(step++, algorithms.size() * 2, "training " + algorithm.id() + " on "
                    + split.fit().size() + " rows");
            long started = System.nanoTime();
            DowntimeModel model = algorithm.trainer(settings).apply(split.fit());
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            progress.update(step++, algorithms.size() * 2, "scoring " + algorithm.id() + " on "
                    + (split.threshold().size() + split.test().size() + split.calibration().size()) + " rows");
            double[] probabilities = QualityMeasurement.scores(model, split.test());
            double[] testScores = probabilities;
            double threshold;
            if (thresholds == Thresholds.PER_INSTANCE) {
                LabelledRows history = split.calibration();
                InstanceThresholds own = InstanceThresholds.fit(QualityMeasurement.scores(model, history),
                        history.instances(), history.timestamps(), measurement.horizon(), history.step(),
                        measurement.alertBudgetPerDay());
                testScores = own.relative(probabilities, split.test().instances());
                threshold = 0.5;
            } else if (thresholds == Thresholds.TRAILING) {
                LabelledRows history = split.calibration();
                LabelledRows test = split.test();
                testScores = new TrailingThresholds(TRAILING_WINDOW, measurement.horizon(), test.step(),
                        measurement.alertBudgetPerDay()).relative(
                        new TrailingThresholds.Scores(QualityMeasurement.scores(model, history), history.instances(),
                                history.timestamps()),
                        new TrailingThresholds.Scores(probabilities, test.instances(), test.timestamps()));
                threshold = 0.5;
            } else {
                threshold = measurement.threshold(QualityMeasurement.scores(model, split.threshold()),
                        split.threshold());
            }
            ModelQuality quality = measurement.measure(split.fit(), threshold, split.test(), probabilities, testScores,
                    trainSeconds);
            results.add(new ModelResult(algorithm.id(), algorithm.learned(), quality,
                    perServer(split, threshold, probabilities, testScores, trainSeconds), microsPerRow(model, split)));
        }
        return results;
    }

    private List<ModelResult.Server> perServer(EvaluationSplit split, double threshold, double[] probabilities,
                                               double[] alarmScores, double trainSeconds) {
        LabelledRows test = split.test();
        List<ModelResult.Server> servers = new ArrayList<>();
        for (String server : Arrays.stream(test.instances()).distinct().sorted().toList()) {
            int[] rows = IntStream.range(0, test.size())
                    .filter(i -> test.instances()[i].equals(server)).toArray();
            LabelledRows own = test.where(i -> test.instances()[i].equals(server));
            servers.add(new ModelResult.Server(server, measurement.measure(split.fit(), threshold, own,
                    Arrays.stream(rows).mapToDouble(i -> probabilities[i]).toArray(),
                    Arrays.stream(rows).mapToDouble(i -> alarmScores[i]).toArray(), trainSeconds)));
        }
        return servers;
    }

    private static double microsPerRow(DowntimeModel model, EvaluationSplit split) {
        int n = Math.min(TIMED_ROWS, split.test().size());
        if (n == 0) {
            return Double.NaN;
        }
        double sink = 0;
        long started = System.nanoTime();
        for (int r = 0; r < n; r++) {
            sink += model.probability(split.test().vectors()[r]);
        }
        long elapsed = System.nanoTime() - started;
        if (sink == -1) {
            throw new IllegalStateException("unreachable; keeps the scoring loop from being optimised away");
        }
        return elapsed / 1e3 / n;
    }
}

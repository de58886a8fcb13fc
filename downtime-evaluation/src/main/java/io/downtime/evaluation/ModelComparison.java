package io.downtime.evaluation;

import io.downtime.models.Algorithm;
import io.downtime.models.DowntimeClassifier;
import io.downtime.models.ModelQuality;
import io.downtime.models.ModelSettings;
import io.downtime.models.QualityMeasurement;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains every algorithm on the same split and measures each the same way: fitted on the fit rows, threshold for the
 * alert budget on the threshold rows, figures on the test rows.
 */
final class ModelComparison {

    /** Rows timed on one thread for the scoring cost per row. */
    private static final int TIMED_ROWS = 5_000;

    private final ModelSettings settings;
    private final QualityMeasurement measurement;

    ModelComparison(ModelSettings settings, QualityMeasurement measurement) {
        this.settings = settings;
        this.measurement = measurement;
    }

    /** One result per algorithm, in the order given; {@code progress} hears of each step. */
    List<ModelResult> run(EvaluationSplit split, List<Algorithm> algorithms, Progress progress) {
        List<ModelResult> results = new ArrayList<>();
        int step = 0;
        for (Algorithm algorithm : algorithms) {
            progress.update(step++, algorithms.size() * 2, "training " + algorithm.id() + " on "
                    + split.fit().size() + " rows");
            long started = System.nanoTime();
            DowntimeClassifier model = algorithm.trainer(settings).apply(split.fit());
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            progress.update(step++, algorithms.size() * 2, "scoring " + algorithm.id() + " on "
                    + (split.threshold().size() + split.test().size()) + " rows");
            double threshold = measurement.threshold(QualityMeasurement.scores(model, split.threshold()),
                    split.threshold());
            double[] testScores = QualityMeasurement.scores(model, split.test());
            ModelQuality quality = measurement.measure(split.fit(), threshold, split.test(), testScores, trainSeconds);
            results.add(new ModelResult(algorithm.id(), algorithm.learned(), quality, microsPerRow(model, split)));
        }
        return results;
    }

    private static double microsPerRow(DowntimeClassifier model, EvaluationSplit split) {
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

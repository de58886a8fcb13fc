package io.downtime.models;

import io.downtime.models.quality.BinaryMetrics;
import io.downtime.models.forest.ForestSettings;
import io.downtime.models.linear.LogisticSettings;
import io.downtime.models.svm.SvmSettings;
import io.downtime.models.xgboost.XGBoostSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlgorithmTest {

    private static final ModelSettings SETTINGS = new ModelSettings(new XGBoostSettings(60, 4, 0.2, 0.9, 1, 1, 3),
            new ForestSettings(40, 8, 5, 0, 4_000, 3), new SvmSettings(1, 0, 800, 3),
            new LogisticSettings(0.1, 200, 4_000, 3), 60);
    private static final LabelledRows TRAINING = SyntheticRows.of(6_000, 1);
    private static final LabelledRows TEST = SyntheticRows.of(2_000, 2);
    private static final Map<Algorithm, DowntimeModel> MODELS = new EnumMap<>(Algorithm.class);

    @BeforeAll
    static void train() {
        for (Algorithm algorithm : Algorithm.values()) {
            MODELS.put(algorithm, algorithm.trainer(SETTINGS).apply(TRAINING));
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void saveThenLoadGivesIdenticalPredictionsAndExplanations(Algorithm algorithm) {
        DowntimeModel model = MODELS.get(algorithm);
        DowntimeModel loaded = algorithm.load(SyntheticRows.SCHEMA, model.save());
        assertEquals(algorithm.id(), loaded.algorithm());
        for (double[] vector : TEST.vectors()) {
            assertEquals(model.probability(vector), loaded.probability(vector), 0.0);
            assertArrayEquals(model.explain(vector).contributions(), loaded.explain(vector).contributions(), 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void ranksPositivesFarAboveChance(Algorithm algorithm) {
        DowntimeModel model = MODELS.get(algorithm);
        double[] scores = new double[TEST.size()];
        for (int r = 0; r < scores.length; r++) {
            scores[r] = model.probability(TEST.vectors()[r]);
            assertTrue(scores[r] >= 0 && scores[r] <= 1, algorithm + " gave " + scores[r]);
        }
        double prevalence = (double) TEST.positives() / TEST.size();
        double prAuc = BinaryMetrics.prAuc(scores, TEST.labels());
        // The baselines read every signal alike, noise included; learned models must do much better.
        double factor = algorithm.learned() ? 3 : 1.5;
        assertTrue(prAuc > factor * prevalence, algorithm + ": PR-AUC " + prAuc + " at prevalence " + prevalence);
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"XGBOOST", "SVM", "LOGISTIC", "STATIC_THRESHOLD",
            "LINEAR_EXTRAPOLATION"})
    void contributionsAndBiasSumToTheLogOdds(Algorithm algorithm) {
        DowntimeModel model = MODELS.get(algorithm);
        for (int r = 0; r < 300; r++) {
            double[] vector = TEST.vectors()[r];
            Explanation explanation = model.explain(vector);
            double sum = explanation.bias();
            for (double c : explanation.contributions()) {
                sum += c;
            }
            double p = model.probability(vector);
            assertEquals(Math.log(p / (1 - p)), sum, 1e-6, algorithm + " row " + r);
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void averageProbabilityIsNearThePrevalence(Algorithm algorithm) {
        DowntimeModel model = MODELS.get(algorithm);
        double sum = 0;
        for (double[] vector : TEST.vectors()) {
            sum += model.probability(vector);
        }
        double prevalence = (double) TEST.positives() / TEST.size();
        double mean = sum / TEST.size();
        assertTrue(mean > prevalence / 3 && mean < prevalence * 3,
                algorithm + ": mean probability " + mean + " at prevalence " + prevalence);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void refusesAnotherAlgorithmsFile(Algorithm algorithm) {
        Algorithm other = Algorithm.values()[(algorithm.ordinal() + 1) % Algorithm.values().length];
        byte[] foreign = MODELS.get(other).save();
        assertThrows(IllegalArgumentException.class, () -> algorithm.load(SyntheticRows.SCHEMA, foreign));
        assertThrows(IllegalArgumentException.class, () -> algorithm.load(SyntheticRows.SCHEMA, "{".getBytes()));
    }

    @Test
    void namesAlgorithmsAsTheApiDoes() {
        assertEquals(Algorithm.RANDOM_FOREST, Algorithm.of("random-forest"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Algorithm.of("gbm"));
        assertTrue(e.getMessage().contains("xgboost"), e.getMessage());
    }
}

package io.downtime.models.xgboost;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XGBoostJsonScorerTest {

    private static final int FEATURES = 6;
    private static final FeatureSchema SCHEMA =
            FeatureSchema.ofNames(IntStream.range(0, FEATURES).mapToObj(i -> "f" + i).toList(), "test");

    private static XGBoostModel model;

    @BeforeAll
    static void train() {
        model = new XGBoostTrainer(new XGBoostSettings(40, 4, 0.3, 0.9, 1, 1, 7)).train(rows(4000, 1));
    }

    /** Positive when f0 + f1·f2 is high; f3 is often missing; f4, f5 are noise. */
    private static LabelledRows rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] vectors = new double[n][FEATURES];
        byte[] labels = new byte[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < FEATURES; c++) {
                vectors[r][c] = random.nextGaussian();
            }
            if (random.nextDouble() < 0.3) {
                vectors[r][3] = Double.NaN;
            }
            double signal = vectors[r][0] + vectors[r][1] * vectors[r][2] + (Double.isNaN(vectors[r][3]) ? 1 : 0);
            labels[r] = (byte) (signal + 0.5 * random.nextGaussian() > 1.2 ? 1 : 0);
        }
        return new LabelledRows(SCHEMA, vectors, labels, new String[n], IntStream.range(0, n).asLongStream().toArray(), Duration.ofMillis(1));
    }

    @Test
    void scoresExactlyAsXGBoostOnTenThousandRandomRows() throws Exception {
        LabelledRows test = rows(10_000, 99);
        DMatrix matrix = XGBoostTrainer.matrix(test);
        Booster booster = XGBoost.loadModel(new ByteArrayInputStream(model.json()));
        float[][] expected = booster.predict(matrix);
        double worst = 0;
        for (int r = 0; r < test.size(); r++) {
            worst = Math.max(worst, Math.abs(expected[r][0] - model.probability(test.vectors()[r])));
        }
        booster.dispose();
        matrix.dispose();
        assertTrue(worst < 1e-6, "largest difference to xgboost4j was " + worst);
    }

    @Test
    void treeShapEqualsXGBoostsOwnContributions() throws Exception {
        LabelledRows test = rows(2_000, 17);
        DMatrix matrix = XGBoostTrainer.matrix(test);
        Booster booster = XGBoost.loadModel(new ByteArrayInputStream(model.json()));
        float[][] expected = booster.predictContrib(matrix, 0);
        double worst = 0;
        for (int r = 0; r < test.size(); r++) {
            double[] shap = model.scorer().shap(test.vectors()[r]);
            for (int f = 0; f < FEATURES; f++) {
                worst = Math.max(worst, Math.abs(expected[r][f] - shap[f]));
            }
            worst = Math.max(worst, Math.abs(expected[r][FEATURES] - model.scorer().bias()));
        }
        booster.dispose();
        matrix.dispose();
        assertTrue(worst < 1e-4, "largest difference to xgboost4j's predictContrib was " + worst);
    }

    @Test
    void treeShapOfADeepTreeWithRepeatedFeaturesSumsToTheMargin() {
        XGBoostModel deep = new XGBoostTrainer(new XGBoostSettings(10, 8, 0.5, 1.0, 1, 1, 3)).train(rows(3000, 4));
        for (double[] vector : rows(300, 8).vectors()) {
            double sum = deep.scorer().bias();
            for (double contribution : deep.scorer().shap(vector)) {
                sum += contribution;
            }
            assertEquals(deep.scorer().margin(vector), sum, 1e-9);
        }
    }

    @Test
    void contributionsAndBiasSumToTheMargin() {
        for (double[] vector : rows(500, 5).vectors()) {
            double sum = model.explain(vector).bias();
            for (double contribution : model.explain(vector).contributions()) {
                sum += contribution;
            }
            assertEquals(model.scorer().margin(vector), sum, 1e-9);
        }
    }

    @Test
    void explanationCreditsTheFeaturesTheLabelDependsOn() {
        double[] strong = {3, 0, 0, 0, 0, 0};
        List<String> top = model.explain(strong).top(SCHEMA, 1).stream().map(c -> c.feature()).toList();
        assertEquals(List.of("f0"), top);
    }

    @Test
    void rejectsVectorsOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> model.probability(new double[FEATURES - 1]));
    }

    @Test
    void rejectsJsonThatIsNotAModel() {
        assertThrows(IllegalArgumentException.class, () -> XGBoostJsonScorer.parse("{\"learner\":{}}".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> XGBoostJsonScorer.parse("not json".getBytes()));
    }
}

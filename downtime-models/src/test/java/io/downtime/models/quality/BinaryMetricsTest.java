package io.downtime.models.quality;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryMetricsTest {

    @Test
    void prAucIsTheAveragePrecisionAtEachPositive() {
        assertEquals(1.0, BinaryMetrics.prAuc(new double[]{0.9, 0.8, 0.1}, new byte[]{1, 1, 0}), 1e-12);
        // positives at ranks 1 and 3: (1/1 + 2/3) / 2
        assertEquals((1 + 2 / 3.0) / 2, BinaryMetrics.prAuc(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}), 1e-12);
        // a tie of a positive and a negative at the top is one step: precision 1/2 there
        assertEquals(0.5, BinaryMetrics.prAuc(new double[]{0.9, 0.9, 0.1}, new byte[]{1, 0, 0}), 1e-12);
        assertTrue(Double.isNaN(BinaryMetrics.prAuc(new double[]{0.5}, new byte[]{0})));
    }

    @Test
    void prAucTakesAGroupOfTiedScoresAsOneStep() {
        // Steps from the highest score down, as (positives, negatives) → (tp, seen) → step share of positives × precision:
        //   0.9: (0, 1) → (0, 1) → 0
        //   0.8: (2, 1) → (2, 4) → 2/3 × 2/4 = 1/3
        //   0.3: (1, 0) → (3, 5) → 1/3 × 3/5 = 1/5
        // AP = 1/3 + 1/5 = 8/15 = 48/90. Breaking the tie instead would give (1/2 + 2/3 + 3/5) / 3 = 53/90 with the
        // positives first and (1/3 + 2/4 + 3/5) / 3 = 43/90 with them last: the result must not depend on row order.
        assertEquals(8 / 15.0, BinaryMetrics.prAuc(new double[]{0.9, 0.8, 0.8, 0.8, 0.3}, new byte[]{0, 1, 0, 1, 1}),
                1e-12);
        // All scores tied: one step whose precision is the share of positives.
        assertEquals(0.25, BinaryMetrics.prAuc(new double[]{0.5, 0.5, 0.5, 0.5}, new byte[]{0, 1, 0, 0}), 1e-12);
        // Only positives: precision is 1 at every rank, whatever the scores.
        assertEquals(1.0, BinaryMetrics.prAuc(new double[]{0.2, 0.9, 0.2}, new byte[]{1, 1, 1}), 1e-12);
    }

    @Test
    void prAucWithoutTiesMatchesTheDefinitionOnRandomData() {
        SplittableRandom random = new SplittableRandom(17);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(30);
            // distinct scores: a random permutation of 0..n-1
            double[] scores = new double[n];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                int j = random.nextInt(i + 1);
                scores[i] = scores[j];
                scores[j] = i;
                labels[i] = (byte) (random.nextDouble() < 0.3 ? 1 : 0);
            }
            assertEquals(averagePrecisionByDefinition(scores, labels), BinaryMetrics.prAuc(scores, labels), 1e-12);
        }
    }

    /** Mean over the positives of the precision among the rows scoring at least as high; NaN without positives. */
    private static double averagePrecisionByDefinition(double[] scores, byte[] labels) {
        double sum = 0;
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == 1) {
                positives++;
                int above = 0;
                int positivesAbove = 0;
                for (int j = 0; j < scores.length; j++) {
                    if (scores[j] >= scores[i]) {
                        above++;
                        positivesAbove += labels[j];
                    }
                }
                sum += (double) positivesAbove / above;
            }
        }
        return sum / positives;
    }

    @Test
    void theOrderOfTheRowsDoesNotMatter() {
        SplittableRandom random = new SplittableRandom(23);
        int n = 200;
        double[] scores = new double[n];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            // scores on a coarse grid, so there are many ties
            scores[i] = random.nextInt(10) / 10.0;
            labels[i] = (byte) (random.nextDouble() < scores[i] ? 1 : 0);
        }
        double[] shuffledScores = scores.clone();
        byte[] shuffledLabels = labels.clone();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double score = shuffledScores[i];
            shuffledScores[i] = shuffledScores[j];
            shuffledScores[j] = score;
            byte label = shuffledLabels[i];
            shuffledLabels[i] = shuffledLabels[j];
            shuffledLabels[j] = label;
        }
        // Exactly equal, not just close: ties are grouped, so the sums run over the same steps in the same order.
        assertEquals(BinaryMetrics.prAuc(scores, labels), BinaryMetrics.prAuc(shuffledScores, shuffledLabels));
        assertEquals(BinaryMetrics.rocAuc(scores, labels), BinaryMetrics.rocAuc(shuffledScores, shuffledLabels));
    }

    @Test
    void aNaNScoreIsRejectedRatherThanRankedAnywhere() {
        double[] scores = {0.9, Double.NaN, 0.1};
        byte[] labels = {1, 0, 0};
        // Under a time limit: NaN ≠ NaN once made the grouping of tied scores loop forever.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.prAuc(scores, labels));
            assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.rocAuc(scores, labels));
            assertThrows(IllegalArgumentException.class, () -> BinaryMetrics.precisionRecallCurve(scores, labels, 10));
        });
    }

    @Test
    void rocAucIsTheChanceAPositiveOutranksANegative() {
        assertEquals(1.0, BinaryMetrics.rocAuc(new double[]{0.9, 0.1}, new byte[]{1, 0}), 1e-12);
        // pairs (positive, negative): (0.9, 0.8) yes, (0.9, 0.6) yes, (0.7, 0.8) no, (0.7, 0.6) yes → 3/4
        assertEquals(0.75, BinaryMetrics.rocAuc(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}), 1e-12);
        assertEquals(0.5, BinaryMetrics.rocAuc(new double[]{0.5, 0.5}, new byte[]{1, 0}), 1e-12, "a tie counts half");
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(new double[]{0.5}, new byte[]{1})));
    }

    @Test
    void confusionCountsAndTheFiguresFromThem() {
        BinaryMetrics.Confusion confusion = BinaryMetrics.Confusion.at(new double[]{0.9, 0.8, 0.4, 0.2},
                new byte[]{1, 0, 1, 0}, 0.5);
        assertEquals(new BinaryMetrics.Confusion(1, 1, 1, 1), confusion);
        assertEquals(0.5, confusion.precision());
        assertEquals(0.5, confusion.recall());
        assertEquals(0.5, confusion.f1());
        assertEquals(0.5, confusion.accuracy());
    }

    @Test
    void confusionOnAHandCaseWherePrecisionAndRecallDiffer() {
        // At 0.6: alarms 0.9 (+), 0.7 (+), 0.6 (-) — a score equal to the threshold alarms; quiet 0.5 (+), 0.3 (+), 0.1 (-).
        BinaryMetrics.Confusion confusion = BinaryMetrics.Confusion.at(new double[]{0.9, 0.7, 0.6, 0.5, 0.3, 0.1},
                new byte[]{1, 1, 0, 1, 1, 0}, 0.6);
        assertEquals(new BinaryMetrics.Confusion(2, 1, 1, 2), confusion);
        assertEquals(2 / 3.0, confusion.precision(), 1e-12);
        assertEquals(1 / 2.0, confusion.recall(), 1e-12);
        // 2pr / (p + r) = (2/3) / (7/6) = 4/7
        assertEquals(4 / 7.0, confusion.f1(), 1e-12);
        assertEquals(3 / 6.0, confusion.accuracy(), 1e-12);
    }

    @Test
    void confusionFiguresWithoutAlarmsOrRowsAreZeroNotNaN() {
        BinaryMetrics.Confusion quiet = BinaryMetrics.Confusion.at(new double[]{0.2, 0.1}, new byte[]{1, 0}, 0.5);
        assertEquals(new BinaryMetrics.Confusion(0, 0, 1, 1), quiet);
        assertEquals(0, quiet.precision(), "no alarm raised");
        assertEquals(0, quiet.f1());
        BinaryMetrics.Confusion empty = BinaryMetrics.Confusion.at(new double[0], new byte[0], 0.5);
        assertEquals(0, empty.recall(), "no positive row");
        assertEquals(0, empty.accuracy(), "no row at all");
    }

    @Test
    void theCurveRunsFromTheHighestThresholdAndIsThinned() {
        List<double[]> curve = BinaryMetrics.precisionRecallCurve(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}, 10);
        assertArrayEquals(new double[]{0.5, 1.0}, curve.get(0), 1e-12);
        assertArrayEquals(new double[]{1.0, 0.5}, curve.get(3), 1e-12);
        assertEquals(2, BinaryMetrics.precisionRecallCurve(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}, 2).size());
    }
}

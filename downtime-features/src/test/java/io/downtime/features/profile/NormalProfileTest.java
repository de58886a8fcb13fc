package io.downtime.features.profile;

import io.downtime.features.InstanceSeries;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalProfileTest {

    /** Two signals that move together (b = a + noise) and a third of its own. */
    private static InstanceSeries correlated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] timestamps = new long[n];
        double[][] values = new double[3][n];
        for (int t = 0; t < n; t++) {
            timestamps[t] = t * 60_000L;
            double common = random.nextGaussian();
            values[0][t] = 10 + common;
            values[1][t] = 5 + common + 0.05 * random.nextGaussian();
            values[2][t] = 0.1 * random.nextGaussian();
        }
        return InstanceSeries.labelled("x", timestamps, List.of("a", "b", "c"), values, new boolean[n]);
    }

    @Test
    void aSampleThatBreaksTheNormalCorrelationHasALargeReconstructionErrorThoughEachValueLooksNormal() {
        InstanceSeries series = correlated(2_000, 1);
        NormalProfile profile = NormalProfile.fit(series, 0, 2_000);
        assertEquals(2, profile.components(), "a and b share one direction, c has its own");
        double[][] values = {series.values()[0].clone(), series.values()[1].clone(), series.values()[2].clone()};
        values[0][10] = 11.5;
        values[1][10] = 3.5;   // a up, b down: each within 1.5 std of its own median
        values[2][10] = 0;
        InstanceSeries broken = InstanceSeries.labelled("x", series.timestamps(), series.signals(), values,
                new boolean[2_000]);
        double[] normal = new double[4];
        double[] odd = new double[4];
        profile.scoresAt(broken, 11, normal);
        profile.scoresAt(broken, 10, odd);
        assertTrue(odd[3] > 20 * normal[3], "reconstruction error " + odd[3] + " vs " + normal[3]);
        assertTrue(odd[0] < 3, "no single value is extreme: max |z| " + odd[0]);
    }

    @Test
    void scoresAreClippedAndAMissingSampleHasNone() {
        InstanceSeries series = correlated(500, 2);
        NormalProfile profile = NormalProfile.fit(series, 0, 500);
        double[][] values = {series.values()[0].clone(), series.values()[1].clone(), series.values()[2].clone()};
        values[2][3] = 1e9;
        for (double[] column : values) {
            column[4] = Double.NaN;
        }
        InstanceSeries odd = InstanceSeries.labelled("x", series.timestamps(), series.signals(), values,
                new boolean[500]);
        double[] scores = new double[4];
        profile.scoresAt(odd, 3, scores);
        assertEquals(NormalProfile.CLIP, scores[0], 1e-9, "one broken signal is clipped");
        assertEquals(1 / 3.0, scores[2], 1e-12, "one of three signals beyond 3");
        profile.scoresAt(odd, 4, scores);
        assertTrue(Double.isNaN(scores[0]) && Double.isNaN(scores[3]), "no sample, no score");
    }

    @Test
    void withScoresAppendsTheScoresAsSignalsAndKeepsEverythingElse() {
        InstanceSeries series = correlated(100, 3);
        InstanceSeries scored = NormalProfile.fit(series, 0, 50).withScores(series);
        assertEquals(List.of("a", "b", "c", "profile_max_abs_z", "profile_mean_abs_z", "profile_outlier_share",
                "profile_pca_error"), scored.signals());
        assertArrayEquals(series.values()[0], scored.values()[0]);
        assertArrayEquals(series.incidents(), scored.incidents());
    }

    @Test
    void theEigenvectorsOfASymmetricMatrixAreFound() {
        double[][] matrix = {{4, 1, 0}, {1, 3, 0}, {0, 0, 1}};
        double[][] vectors = SymmetricEigen.leading(matrix, 1.0);
        assertEquals(3, vectors.length);
        double largest = (7 + Math.sqrt(5)) / 2;
        for (int i = 0; i < 3; i++) {
            double av = 0;
            for (int j = 0; j < 3; j++) {
                av += matrix[i][j] * vectors[0][j];
            }
            assertEquals(largest * vectors[0][i], av, 1e-9, "A v = lambda v, row " + i);
        }
    }
}

package io.downtime.models.xgboost;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XGBoostColumnShareTest {

    private static final int FEATURES = 20;
    private static final FeatureSchema SCHEMA =
            FeatureSchema.ofNames(IntStream.range(0, FEATURES).mapToObj(i -> "f" + i).toList(), "test");

    private static XGBoostTrainer trainer(double columnShare) {
        return new XGBoostTrainer(new XGBoostSettings(30, 3, 0.3, 1, columnShare, 1, 11));
    }

    /**
     * Six servers; every incident raises f0 a little, and each server's incidents also raise one signal of its own a
     * lot (f1 to f6). What one group of servers teaches about their own signals is useless on the others: only f0
     * carries over.
     */
    private static LabelledRows incidentsInEachServersOwnSignal(int n) {
        SplittableRandom random = new SplittableRandom(3);
        double[][] vectors = new double[n][FEATURES];
        byte[] labels = new byte[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int r = 0; r < n; r++) {
            int server = r % 6;
            boolean incident = random.nextDouble() < 0.05;
            for (int c = 0; c < FEATURES; c++) {
                vectors[r][c] = random.nextGaussian();
            }
            if (incident) {
                vectors[r][0] += 1.5;
                vectors[r][1 + server] += 6;
            }
            labels[r] = (byte) (incident ? 1 : 0);
            instances[r] = "server-" + server;
            timestamps[r] = (r / 6) * 60_000L;
        }
        return new LabelledRows(SCHEMA, vectors, labels, instances, timestamps, Duration.ofMinutes(1));
    }

    @Test
    void choosesASmallerShareWhenWhatCarriesOverToOtherServersIsWeakerThanWhatDoesNot() {
        assertTrue(trainer(0).chooseColumnShare(incidentsInEachServersOwnSignal(6_000)) < XGBoostTrainer.COLUMN_SHARES[0]);
    }

    @Test
    void eachSplitConsidersOnlyTheConfiguredShareOfTheFeatures() {
        LabelledRows rows = incidentsInEachServersOwnSignal(6_000);
        assertTrue(noiseShare(trainer(0.05).train(rows), rows) > 3 * noiseShare(trainer(1).train(rows), rows),
                "with one feature per split, trees must also split on the noise features f7 to f19");
    }

    @Test
    void keepsEveryFeatureWhenTheServersCannotBeSplitWithIncidentsOnBothSides() {
        LabelledRows rows = incidentsInEachServersOwnSignal(3_000);
        String[] oneServer = new String[rows.size()];
        Arrays.fill(oneServer, "only");
        LabelledRows single = new LabelledRows(SCHEMA, rows.vectors(), rows.labels(), oneServer, rows.timestamps(),
                Duration.ofMinutes(1));
        assertEquals(XGBoostTrainer.COLUMN_SHARES[0], trainer(0).chooseColumnShare(single));
    }

    /** Share of the absolute TreeSHAP contributions that goes to the pure-noise features f7 to f19. */
    private static double noiseShare(XGBoostModel model, LabelledRows rows) {
        double noise = 0;
        double all = 0;
        for (int r = 0; r < rows.size(); r += 10) {
            double[] shap = model.scorer().shap(rows.vectors()[r]);
            for (int f = 0; f < FEATURES; f++) {
                all += Math.abs(shap[f]);
                noise += f >= 7 ? Math.abs(shap[f]) : 0;
            }
        }
        return noise / all;
    }
}

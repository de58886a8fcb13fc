package io.downtime.models;

import io.downtime.features.FeatureSchema;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ChronologicalHoldoutTest {

    private static final long MINUTE = 60_000;
    private static final long START = 1_700_000_000_000L;
    private static final int HORIZON_MINUTES = 10;
    private static final Duration HORIZON = Duration.ofMinutes(HORIZON_MINUTES);
    private static final FeatureSchema SCHEMA = new FeatureSchema(List.of("score", "minute"), "test");

    /** A stand-in model: the probability is the row's first feature; it notes the minute of every row it scores (rows are scored in parallel). */
    private static final class FirstFeature implements DowntimeClassifier {

        private final List<Integer> scoredMinutes = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public String algorithm() {
            return "first-feature";
        }

        @Override
        public FeatureSchema schema() {
            return SCHEMA;
        }

        @Override
        public double probability(double[] vector) {
            scoredMinutes.add((int) vector[1]);
            return vector[0];
        }

        @Override
        public byte[] save() {
            return new byte[0];
        }

        @Override
        public Explanation explain(double[] vector) {
            return new Explanation("identity", 0, vector.clone());
        }
    }

    /**
     * Instance "a", one row a minute for minutes 0 to 100. Each incident {onset, last} is down from onset to last, and
     * its rows are positive from H before the onset to its last minute. Positive rows score 0.9, negative ones 0.1,
     * except the false alarms, which score 0.9 too.
     */
    private static LabelledRows history(int[][] incidents, int... falseAlarms) {
        int n = 101;
        double[][] vectors = new double[n][];
        byte[] labels = new byte[n];
        boolean[] down = new boolean[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int minute = 0; minute < n; minute++) {
            for (int[] incident : incidents) {
                down[minute] |= minute >= incident[0] && minute <= incident[1];
                labels[minute] |= minute >= incident[0] - HORIZON_MINUTES && minute <= incident[1] ? (byte) 1 : 0;
            }
            int at = minute;
            boolean alarm = labels[minute] == 1 || IntStream.of(falseAlarms).anyMatch(f -> f == at);
            vectors[minute] = new double[]{alarm ? 0.9 : 0.1, minute};
            instances[minute] = "a";
            timestamps[minute] = START + minute * MINUTE;
        }
        return new LabelledRows(SCHEMA, vectors, labels, down, instances, timestamps);
    }

    private static int minuteOf(long timestamp) {
        return (int) ((timestamp - START) / MINUTE);
    }

    @Test
    void trainsOnlyOnRowsWhoseLabelsEndBeforeTheCutAndValidatesFromTheCut() {
        // A quarter of the 100 minutes validates: the cut is at minute 75; training ends H = 10 minutes before it.
        LabelledRows rows = history(new int[][]{{30, 32}, {90, 92}}, 77);
        long cut = START + 75 * MINUTE;
        List<LabelledRows> trainedOn = new ArrayList<>();
        FirstFeature model = new FirstFeature();

        ChronologicalHoldout.Outcome<FirstFeature> outcome = new ChronologicalHoldout(0.25, HORIZON, 100)
                .run(rows, training -> {
                    trainedOn.add(training);
                    return model;
                });

        assertEquals(1, trainedOn.size(), "trained once");
        LabelledRows training = trainedOn.get(0);
        assertTrue(Arrays.stream(training.timestamps()).allMatch(t -> t < cut - HORIZON.toMillis()),
                "a training row at or after cut - H has a label that looks into the validation part");
        assertArrayEquals(IntStream.range(0, 65).toArray(),
                Arrays.stream(training.timestamps()).mapToInt(ChronologicalHoldoutTest::minuteOf).toArray());
        assertArrayEquals(IntStream.rangeClosed(75, 100).boxed().toArray(), model.scoredMinutes.stream().sorted().toArray(),
                "validation is every row from the cut on; minutes 65 to 74 are used for neither");
        assertSame(model, outcome.model());

        ModelQuality quality = outcome.quality();
        assertEquals(START, quality.trainingFrom());
        assertEquals(cut, quality.validationFrom());
        assertEquals(START + 100 * MINUTE, quality.validationTo());
        assertEquals(65, quality.trainingRows());
        assertEquals(13, quality.trainingPositives(), "minutes 20 to 32");
        assertEquals(26, quality.validationRows());
        assertEquals(13, quality.validationPositives(), "minutes 80 to 92");
    }

    @Test
    void theQualityIsMeasuredOnTheValidationRowsAtTheBudgetThreshold() {
        LabelledRows rows = history(new int[][]{{30, 32}, {90, 92}}, 77);
        ModelQuality quality = new ChronologicalHoldout(0.25, HORIZON, 100).run(rows, training -> new FirstFeature())
                .quality();

        // 26 validation minutes. At 0.9 the lone false alarm at minute 77 is 1 per 26 minutes, 1440/26 ≈ 55 a day,
        // within the budget of 100; at 0.1 every row alarms, one false episode of 26 minutes = 3 started horizons,
        // ≈ 166 a day. So the threshold is 0.9.
        assertEquals(0.9, quality.threshold());
        assertEquals(new ModelQuality.Counts(13, 1, 12, 0), quality.confusion());
        assertEquals(13 / 14.0, quality.precision(), 1e-12);
        assertEquals(1.0, quality.recall(), 1e-12);
        assertEquals(26 / 27.0, quality.f1(), 1e-12, "2 · (13/14) · 1 / (13/14 + 1)");
        assertEquals(25 / 26.0, quality.accuracy(), 1e-12);
        assertEquals(1440 / 26.0, quality.falseAlarmsPerDay(), 1e-9);
        assertEquals(1 / 13.0, quality.alarmTimeShare(), 1e-12, "1 of 13 negative minutes alarmed");
        // 0.9 step: 13 positives in 14 rows → 13/14; the 0.1 step holds no positive.
        assertEquals(13 / 14.0, quality.prAuc(), 1e-12);
        // each positive outranks 12 negatives and ties with 1: 12.5 / 13
        assertEquals(25 / 26.0, quality.rocAuc(), 1e-12);
        assertEquals(1, quality.events().incidents(), "only the incident at 90 is in the validation part");
        assertEquals(1.0, quality.events().eventRecall());
        assertEquals(10.0, quality.events().medianLeadMinutes(), 1e-12, "first alarm at 80, onset at 90");
        assertEquals(2, quality.precisionRecall().size(), "one point per distinct score");
    }

    @Test
    void aHistoryWithoutAnIncidentInTheValidationPartIsRejectedBeforeTraining() {
        LabelledRows rows = history(new int[][]{{30, 32}});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ChronologicalHoldout(0.25, HORIZON, 1).run(rows, training -> fail("must not train")));
        assertTrue(error.getMessage().contains("validation"), error.getMessage());
    }

    @Test
    void aHistoryWithoutAnIncidentInTheTrainingPartIsRejectedBeforeTraining() {
        LabelledRows rows = history(new int[][]{{90, 92}});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ChronologicalHoldout(0.25, HORIZON, 1).run(rows, training -> fail("must not train")));
        assertTrue(error.getMessage().contains("training"), error.getMessage());
    }

    @Test
    void positivesOnlyInTheDroppedHorizonBeforeTheCutDoNotCountForTraining() {
        // Incident at 80: its positive rows 70 to 74 lie in the dropped minutes 65 to 74, the rest in validation.
        LabelledRows rows = history(new int[][]{{80, 82}});
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ChronologicalHoldout(0.25, HORIZON, 1).run(rows, training -> fail("must not train")));
        assertTrue(error.getMessage().contains("training"), error.getMessage());
    }

    @Test
    void noRowsAtAllIsRejected() {
        LabelledRows none = history(new int[][]{{30, 32}}).between(0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new ChronologicalHoldout(0.25, HORIZON, 1).run(none, training -> fail("must not train")));
    }

    @Test
    void rejectsAValidationShareOutsideZeroToOneAndANegativeBudget() {
        for (double share : new double[]{0, 1, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new ChronologicalHoldout(share, HORIZON, 1),
                    "share " + share);
        }
        assertThrows(IllegalArgumentException.class, () -> new ChronologicalHoldout(0.25, HORIZON, -1));
        assertThrows(IllegalArgumentException.class, () -> new ChronologicalHoldout(0.25, HORIZON, Double.NaN));
    }
}

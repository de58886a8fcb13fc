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
    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("score", "minute"), "test");

    /** A stand-in model: the probability is the row's first feature; it notes the minute of every row it scores (rows are scored in parallel). */
    private static final class FirstFeature implements DowntimeModel {

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
            return new Explanation(ExplanationMethod.LINEAR, 0, vector.clone());
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
        return new LabelledRows(SCHEMA, vectors, labels, down, instances, timestamps, Duration.ofMillis(MINUTE));
    }

    private static int minuteOf(long timestamp) {
        return (int) ((timestamp - START) / MINUTE);
    }

    @Test
    void trainsOnlyOnRowsWhoseLabelsEndBeforeTheCutAndValidatesFromTheCut() {
        // A quarter of the 100 minutes validates: the cut is at minute 75; training ends H = 10 minutes before it.
        // Validation is split in two: minutes 75 to 87 choose the threshold, minutes 88 to 100 are reported.
        LabelledRows rows = history(new int[][]{{30, 32}, {96, 98}}, 77, 100);
        long cut = START + 75 * MINUTE;
        List<LabelledRows> trainedOn = new ArrayList<>();
        FirstFeature model = new FirstFeature();

        ChronologicalHoldout.Outcome<FirstFeature> outcome = new ChronologicalHoldout(0.25, HORIZON, 200)
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
        assertEquals(START + 88 * MINUTE, quality.validationFrom(), "the figures are of the second half only");
        assertEquals(START + 100 * MINUTE, quality.validationTo());
        assertEquals(65, quality.trainingRows());
        assertEquals(13, quality.trainingPositives(), "minutes 20 to 32");
        assertEquals(13, quality.validationRows(), "minutes 88 to 100");
        assertEquals(11, quality.validationPositives(), "minutes 88 to 98");
    }

    @Test
    void theThresholdIsChosenOnTheFirstHalfOfValidationAndTheFiguresAreOfTheSecond() {
        LabelledRows rows = history(new int[][]{{30, 32}, {96, 98}}, 77, 100);
        ModelQuality quality = new ChronologicalHoldout(0.25, HORIZON, 200).run(rows, training -> new FirstFeature())
                .quality();

        // Threshold half, minutes 75 to 87 (13 minutes; 86 and 87 warn of the incident at 96): at 0.9 the lone false
        // alarm at 77 is 1440/13 ≈ 111 a day, within the budget of 200; at 0.1 minutes 75 to 85 are one false episode
        // of 11 minutes = 2 started horizons, ≈ 222 a day. So the threshold is 0.9, whatever the second half holds.
        assertEquals(0.9, quality.threshold(), 1e-12);
        // Reported half, minutes 88 to 100: positives 88 to 98, negatives 99 and 100, a false alarm at 100.
        assertEquals(new ModelQuality.Counts(11, 1, 1, 0), quality.confusion());
        assertEquals(11 / 12.0, quality.precision(), 1e-12);
        assertEquals(1.0, quality.recall(), 1e-12);
        assertEquals(12 / 13.0, quality.accuracy(), 1e-12);
        assertEquals(1440 / 13.0, quality.falseAlarmsPerDay(), 1e-9, "the alarm at 100, not the one at 77");
        assertEquals(1 / 2.0, quality.alarmTimeShare(), 1e-12, "1 of 2 negative minutes alarmed");
        assertEquals(11 / 12.0, quality.prAuc(), 1e-12);
        // each positive outranks the negative at 99 and ties with the one at 100: 1.5 / 2
        assertEquals(0.75, quality.rocAuc(), 1e-12);
        assertEquals(1, quality.events().incidents(), "only the incident at 96 is in the reported half");
        assertEquals(1.0, quality.events().eventRecall());
        assertEquals(8.0, quality.events().medianLeadMinutes(), 1e-12, "first reported alarm at 88, onset at 96");
        assertEquals(2, quality.precisionRecall().size(), "one point per distinct score");
    }

    @Test
    void thresholdFreeFiguresDescribeTheProbabilitiesAndAlarmFiguresTheAlarmScores() {
        LabelledRows rows = history(new int[][]{{96, 98}}, 77, 100).between(START + 88 * MINUTE, START + 101 * MINUTE);
        double[] probabilities = Arrays.stream(rows.vectors()).mapToDouble(v -> v[0]).toArray();
        double[] neverAlarmed = new double[rows.size()];
        ModelQuality quality = new QualityMeasurement(HORIZON, 1).measure(rows, 0.5, rows, probabilities,
                neverAlarmed, 0);
        assertEquals(11 / 12.0, quality.prAuc(), 1e-12, "ranking of the probabilities");
        assertEquals(0.0, quality.recall(), "no alarm score reaches the threshold");
        assertEquals(0.0, quality.events().eventRecall());
        assertEquals(0.0, quality.falseAlarmsPerDay());
    }

    @Test
    void rowsAtWhichTheSourceObservedTheInstanceDownAreNeitherTrainedOnNorMeasuredButStillMarkTheIncident() {
        LabelledRows all = history(new int[][]{{30, 32}, {96, 98}}, 77, 100);
        boolean[] observed = all.incidents().clone();
        LabelledRows rows = new LabelledRows(all.schema(), all.vectors(), all.labels(), all.incidents(), observed,
                all.instances(), all.timestamps(), Duration.ofMillis(MINUTE));
        List<LabelledRows> trainedOn = new ArrayList<>();
        ModelQuality quality = new ChronologicalHoldout(0.25, HORIZON, 200).run(rows, training -> {
            trainedOn.add(training);
            return new FirstFeature();
        }).quality();
        assertEquals(62, trainedOn.get(0).size(), "minutes 0 to 64 less 30 to 32, observed down");
        assertEquals(0, trainedOn.get(0).observedDownRows());
        assertEquals(10, quality.validationRows(), "minutes 96 to 98 were observed down: no predictions");
        assertEquals(3, quality.observedDownRows());
        assertEquals(8, quality.validationPositives(), "minutes 88 to 95");
        assertEquals(1, quality.events().incidents(), "the incident is still found where it begins");
        assertEquals(8.0, quality.events().medianLeadMinutes(), 1e-12, "caught before it was observed");
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

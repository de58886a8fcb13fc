package io.downtime.models;

import io.downtime.features.FeatureSchema;
import io.downtime.features.TrainingSetCsv;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelledRowsTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("cpu_last", "mem_last"), "test");
    private static final Duration STEP = Duration.ofMinutes(1);

    /** Rows of two instances, deliberately not in time order, with distinct vectors to tell them apart. */
    private static LabelledRows mixed() {
        return new LabelledRows(SCHEMA,
                new double[][]{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}},
                new byte[]{0, 1, 0, 1, 1, 0},
                new boolean[]{false, false, false, true, true, false},
                new String[]{"a", "b", "a", "b", "a", "b"},
                new long[]{300, 100, 200, 400, 100, 500}, STEP);
    }

    @Test
    void betweenKeepsTheRowsFromInclusiveToExclusiveInTheirOriginalOrder() {
        LabelledRows rows = mixed();
        LabelledRows kept = rows.between(200, 400);
        assertArrayEquals(new long[]{300, 200}, kept.timestamps(), "400 is the exclusive end");
        assertArrayEquals(new String[]{"a", "a"}, kept.instances());
        assertArrayEquals(new byte[]{0, 0}, kept.labels());
        assertArrayEquals(new boolean[]{false, false}, kept.incidents());
        assertSame(rows.vectors()[0], kept.vectors()[0], "each row keeps its own vector");
        assertSame(rows.vectors()[2], kept.vectors()[1]);
        assertSame(SCHEMA, kept.schema());
    }

    @Test
    void betweenKeepsEveryColumnOfARowTogether() {
        LabelledRows kept = mixed().between(100, 101);
        assertArrayEquals(new long[]{100, 100}, kept.timestamps());
        assertArrayEquals(new String[]{"b", "a"}, kept.instances());
        assertArrayEquals(new byte[]{1, 1}, kept.labels());
        assertArrayEquals(new boolean[]{false, true}, kept.incidents());
        assertArrayEquals(new double[]{1, 1}, kept.vectors()[0]);
        assertArrayEquals(new double[]{4, 4}, kept.vectors()[1]);
    }

    @Test
    void betweenAnEmptyOrUncoveredRangeIsEmpty() {
        assertEquals(0, mixed().between(300, 300).size());
        assertEquals(0, mixed().between(501, 1000).size());
        assertEquals(6, mixed().between(Long.MIN_VALUE, Long.MAX_VALUE).size());
    }

    @Test
    void countsPositivesAndFindsTheTimeSpanWhateverTheOrder() {
        LabelledRows rows = mixed();
        assertEquals(6, rows.size());
        assertEquals(3, rows.positives());
        assertEquals(100, rows.firstTimestamp());
        assertEquals(500, rows.lastTimestamp());
    }

    @Test
    void noRowsHaveNoTimeSpan() {
        LabelledRows none = mixed().between(0, 0);
        assertEquals(0, none.positives());
        assertThrows(IllegalStateException.class, none::firstTimestamp);
        assertThrows(IllegalStateException.class, none::lastTimestamp);
    }

    @Test
    void rowsWithoutIncidentTimesAreNeverDown() {
        LabelledRows rows = new LabelledRows(SCHEMA, new double[][]{{1, 2}}, new byte[]{1}, new String[]{"a"},
                new long[]{0}, STEP);
        assertArrayEquals(new boolean[]{false}, rows.incidents());
    }

    @Test
    void theStepIsTheSourcesNotGuessedFromTheGapsBetweenRows() {
        LabelledRows everyFiveMinutes = new LabelledRows(SCHEMA, new double[][]{{1, 2}, {3, 4}}, new byte[2],
                new String[]{"a", "a"}, new long[]{0, 60_000}, Duration.ofMinutes(5));
        assertEquals(12, everyFiveMinutes.samplesIn(Duration.ofHours(1)), "an hour is 12 rows at a 5-minute step, "
                + "whatever the gaps between the rows kept");
        assertEquals(Duration.ofMinutes(5), everyFiveMinutes.where(i -> i == 1).step());
        assertEquals(Duration.ofMinutes(5), everyFiveMinutes.slice(0, 1).step());
        assertThrows(IllegalArgumentException.class, () -> LabelledRows.concat(SCHEMA, List.of(everyFiveMinutes,
                new LabelledRows(SCHEMA, new double[][]{{1, 2}}, new byte[1], new String[]{"b"}, new long[]{0}, STEP))),
                "rows of two steps are not one training set");
        assertThrows(IllegalArgumentException.class, () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}},
                new byte[1], new String[]{"a"}, new long[]{0}, Duration.ZERO));
    }

    @Test
    void predictionsLeaveOutTheRowsAtWhichTheSourceObservedTheInstanceDown() {
        LabelledRows rows = new LabelledRows(SCHEMA, new double[][]{{0, 0}, {1, 1}, {2, 2}}, new byte[]{1, 1, 0},
                new boolean[]{false, true, false}, new boolean[]{false, true, false}, new String[]{"a", "a", "a"},
                new long[]{0, 60_000, 120_000}, STEP);
        assertEquals(1, rows.observedDownRows());
        LabelledRows predictions = rows.predictions();
        assertArrayEquals(new long[]{0, 120_000}, predictions.timestamps());
        assertArrayEquals(new boolean[]{false, false}, predictions.observedDown());
        assertSame(mixed().predictions().getClass(), LabelledRows.class);
    }

    @Test
    void rejectsColumnsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class, () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}},
                new byte[]{0, 1}, new boolean[1], new String[]{"a"}, new long[]{0}, STEP));
        assertThrows(IllegalArgumentException.class, () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}},
                new byte[]{0}, new boolean[2], new String[]{"a"}, new long[]{0}, STEP));
        assertThrows(IllegalArgumentException.class, () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}},
                new byte[]{0}, new boolean[1], new String[0], new long[]{0}, STEP));
        assertThrows(IllegalArgumentException.class, () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}},
                new byte[]{0}, new boolean[1], new String[]{"a"}, new long[]{0, 1}, STEP));
    }

    @Test
    void rejectsAVectorThatDoesNotFitTheSchemaNamingItsHash() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LabelledRows(SCHEMA, new double[][]{{1, 2}, {1, 2, 3}}, new byte[2], new boolean[2],
                        new String[]{"a", "a"}, new long[]{0, 1}, STEP));
        assertTrue(error.getMessage().contains(SCHEMA.hash()), error.getMessage());
    }

    @Test
    void ofTakesEveryColumnOfACsvTrainingSet() throws IOException {
        StringWriter csv = new StringWriter();
        TrainingSetCsv.writeHeader(csv, SCHEMA);
        TrainingSetCsv.writeRow(csv, "a", 60_000, (byte) 0, false, false, new double[]{0.5, Double.NaN});
        TrainingSetCsv.writeRow(csv, "b", 120_000, (byte) 1, true, true, new double[]{1.5, 2.5});
        LabelledRows rows = LabelledRows.of(SCHEMA,
                TrainingSetCsv.read(new BufferedReader(new StringReader(csv.toString()))), STEP);

        assertSame(SCHEMA, rows.schema());
        assertArrayEquals(new double[]{0.5, Double.NaN}, rows.vectors()[0]);
        assertArrayEquals(new double[]{1.5, 2.5}, rows.vectors()[1]);
        assertArrayEquals(new byte[]{0, 1}, rows.labels());
        assertArrayEquals(new boolean[]{false, true}, rows.incidents());
        assertArrayEquals(new boolean[]{false, true}, rows.observedDown());
        assertArrayEquals(new String[]{"a", "b"}, rows.instances());
        assertArrayEquals(new long[]{60_000, 120_000}, rows.timestamps());
    }

    @Test
    void ofRejectsColumnsThatAreNotTheSchemasFeaturesInOrder() {
        for (List<String> columns : List.of(
                List.of("mem_last", "cpu_last"),
                List.of("cpu_last"),
                List.of("cpu_last", "mem_last", "disk_last"),
                List.of("cpu_last", "net_last"))) {
            TrainingSetCsv.Rows csv = new TrainingSetCsv.Rows(columns, List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of());
            FeatureSchema.SchemaMismatchException error = assertThrows(FeatureSchema.SchemaMismatchException.class,
                    () -> LabelledRows.of(SCHEMA, csv, STEP), columns::toString);
            assertTrue(error.getMessage().contains(SCHEMA.hash()), error.getMessage());
        }
    }
}

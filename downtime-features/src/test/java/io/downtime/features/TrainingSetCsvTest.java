package io.downtime.features;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSetCsvTest {

    private static final double NaN = Double.NaN;
    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("cpu_last", "mem_last", "gap_samples"), "test");
    private static final String HEADER = "instance,timestamp,label,incident,observed_down,cpu_last,mem_last,gap_samples\n";

    private static TrainingSetCsv.Rows read(String csv) throws IOException {
        return TrainingSetCsv.read(new BufferedReader(new StringReader(csv)));
    }

    @Test
    void writesTheKeyColumnsThenTheFeaturesAndMissingValuesAsEmptyCells() throws IOException {
        StringWriter out = new StringWriter();
        TrainingSetCsv.writeHeader(out, SCHEMA);
        TrainingSetCsv.writeRow(out, "web-1", 1_700_000_000_000L, DowntimeLabels.POSITIVE, true, false,
                new double[]{0.5, NaN, 3});
        assertEquals(HEADER + "web-1,1700000000000,1,1,0,0.5,,3.0\n", out.toString());
    }

    @Test
    void whatIsWrittenReadsBackIdentically() throws IOException {
        double[][] vectors = {
                {0.1, NaN, 0},
                {-1e-300, Double.MAX_VALUE, Double.MIN_VALUE},
                {NaN, NaN, NaN},
                {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0},
                {1.0 / 3, Math.PI, 123456789.125}
        };
        byte[] labels = {0, 1, 0, 1, 0};
        boolean[] down = {false, true, false, false, true};
        boolean[] observedDown = {false, true, false, true, false};
        String[] instances = {"web-1", "web-1", "db:9100", "db:9100", "host.example.org"};
        long[] timestamps = {0, 60_000, -1, Long.MAX_VALUE, 1_700_000_000_000L};

        StringWriter out = new StringWriter();
        TrainingSetCsv.writeHeader(out, SCHEMA);
        for (int i = 0; i < vectors.length; i++) {
            TrainingSetCsv.writeRow(out, instances[i], timestamps[i], labels[i], down[i], observedDown[i], vectors[i]);
        }
        TrainingSetCsv.Rows rows = read(out.toString());

        assertEquals(SCHEMA.names(), rows.featureNames());
        assertEquals(vectors.length, rows.vectors().size());
        for (int i = 0; i < vectors.length; i++) {
            // assertArrayEquals on doubles compares bit patterns: NaN equals NaN, and -0.0 must stay -0.0.
            assertArrayEquals(vectors[i], rows.vectors().get(i), "row " + i);
            assertEquals(labels[i], rows.labels().get(i));
            assertEquals(down[i], rows.incidents().get(i));
            assertEquals(observedDown[i], rows.observedDown().get(i));
            assertEquals(instances[i], rows.instances().get(i));
            assertEquals(timestamps[i], rows.timestamps().get(i));
        }
    }

    @Test
    void aHeaderWithoutRowsIsAnEmptyTrainingSet() throws IOException {
        TrainingSetCsv.Rows rows = read(HEADER);
        assertEquals(SCHEMA.names(), rows.featureNames());
        assertTrue(rows.vectors().isEmpty() && rows.labels().isEmpty() && rows.instances().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "too few cells                | web-1,0,0,0,0,1,2",
            "too many cells               | web-1,0,0,0,0,1,2,3,4",
            "a blank line                 | ''",
            "a feature that is no number  | web-1,0,0,0,0,1,abc,3",
            "a timestamp that is no long  | web-1,0.5,0,0,0,1,2,3",
            "label 2                      | web-1,0,2,0,0,1,2,3",
            "label -1 (unknown)           | web-1,0,-1,0,0,1,2,3",
            "label empty                  | web-1,0,,0,0,1,2,3",
            "incident flag not 0 or 1     | web-1,0,0,true,0,1,2,3",
            "observed-down flag not 0/1   | web-1,0,0,0,2,1,2,3"
    })
    void aMalformedRowIsRejectedNamingItsLineNumber(String problem, String badLine) {
        // The bad row is the third line: the header and one good row come first.
        String csv = HEADER + "web-1,0,0,0,0,1,2,3\n" + badLine + "\nweb-1,120000,0,0,0,1,2,3\n";
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(csv), problem);
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    @Test
    void anEmptyInputHasNoHeader() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read(""));
        assertTrue(error.getMessage().contains("header"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "instance,time,label,incident,observed_down,cpu_last",
            "timestamp,instance,label,incident,observed_down,cpu_last",
            "instance,timestamp,label,cpu_last",
            "instance,timestamp,label,down,cpu_last",
            "web-1,0,0,0,0,1",
            // the key columns alone: a training set without features
            "instance,timestamp,label,incident,observed_down"
    })
    void aHeaderWithoutTheKeyColumnsInOrderIsRejectedNamingTheHeader(String header) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> read(header + "\nweb-1,0,0,0,0,1\n"));
        assertTrue(error.getMessage().contains("header") && error.getMessage().contains(header), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web,1", "web\n1", "web\r1", "\"web-1\""})
    void anInstanceNameThatWouldBreakTheCsvIsRejectedOnWrite(String instance) {
        StringWriter out = new StringWriter();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainingSetCsv.writeRow(out, instance, 0, DowntimeLabels.NEGATIVE, false, false,
                        new double[]{1, 2, 3}));
        assertTrue(error.getMessage().contains(instance), error.getMessage());
        assertEquals("", out.toString(), "nothing of the rejected row is written");
    }
}

package io.downtime.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV form of a labelled training set, written by feature-service and read by the predictor: a header
 * {@code instance,timestamp,label,incident,observed_down,<feature names>} and one row per labelled sample
 * ({@code incident} is 1 when an incident was under way at that sample, so incidents and lead times can be measured;
 * {@code observed_down} is 1 when the source saw the instance down then: such a row is no prediction, and is left out
 * of training and of every figure); a missing value is an empty cell.
 */
public final class TrainingSetCsv {

    /** The response header feature-service sends a training set with, saying how its rows were chosen. */
    public static final String SAMPLING_HEADER = "X-Training-Sampling";
    /** The response header with the time between two rows of an instance, in Prometheus notation ({@code 1m}). */
    public static final String STEP_HEADER = "X-Sample-Step";

    private static final List<String> KEY_COLUMNS = List.of("instance", "timestamp", "label", "incident", "observed_down");

    private TrainingSetCsv() {
    }

    /** Columns read from a CSV: everything a training set holds. */
    public record Rows(List<String> featureNames, List<double[]> vectors, List<Byte> labels, List<Boolean> incidents,
                       List<Boolean> observedDown, List<String> instances, List<Long> timestamps) {
    }

    public static void writeHeader(Writer out, FeatureSchema schema) throws IOException {
        out.write(String.join(",", KEY_COLUMNS));
        for (String name : schema.names()) {
            out.write(',');
            out.write(name);
        }
        out.write('\n');
    }

    public static void writeRow(Writer out, String instance, long timestamp, byte label, boolean incident,
                                boolean observedDown, double[] vector) throws IOException {
        if (instance.indexOf(',') >= 0 || instance.indexOf('\n') >= 0 || instance.indexOf('\r') >= 0
                || instance.indexOf('"') >= 0) {
            throw new IllegalArgumentException("instance name '" + instance + "' cannot be written to CSV");
        }
        StringBuilder line = new StringBuilder(16 * (vector.length + 3));
        line.append(instance).append(',').append(timestamp).append(',').append(label).append(',').append(incident ? 1 : 0)
                .append(',').append(observedDown ? 1 : 0);
        for (double value : vector) {
            line.append(',');
            if (!Double.isNaN(value)) {
                line.append(value);
            }
        }
        line.append('\n');
        out.write(line.toString());
    }

    /** Reads a whole training set; throws {@link IllegalArgumentException} naming the line that is malformed. */
    public static Rows read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new IllegalArgumentException("training set is empty: no header line");
        }
        List<String> columns = Arrays.asList(header.split(",", -1));
        int keys = KEY_COLUMNS.size();
        if (columns.size() <= keys || !columns.subList(0, keys).equals(KEY_COLUMNS)) {
            throw new IllegalArgumentException("training set header must start with " + String.join(",", KEY_COLUMNS)
                    + ": " + header);
        }
        List<String> names = List.copyOf(columns.subList(keys, columns.size()));
        Rows rows = new Rows(names, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            String[] cells = line.split(",", -1);
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("training set line " + number + " has " + cells.length
                        + " cells, the header " + columns.size());
            }
            try {
                double[] vector = new double[names.size()];
                for (int i = 0; i < vector.length; i++) {
                    String cell = cells[i + keys];
                    vector[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                }
                byte label = Byte.parseByte(cells[2]);
                if (label != DowntimeLabels.NEGATIVE && label != DowntimeLabels.POSITIVE) {
                    throw new NumberFormatException("label must be 0 or 1, was " + label);
                }
                rows.incidents().add(flag(cells[3], "incident"));
                rows.observedDown().add(flag(cells[4], "observed_down"));
                rows.instances().add(cells[0]);
                rows.timestamps().add(Long.parseLong(cells[1]));
                rows.labels().add(label);
                rows.vectors().add(vector);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("training set line " + number + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static boolean flag(String cell, String column) {
        if (!cell.equals("0") && !cell.equals("1")) {
            throw new NumberFormatException(column + " must be 0 or 1, was " + cell);
        }
        return cell.equals("1");
    }
}

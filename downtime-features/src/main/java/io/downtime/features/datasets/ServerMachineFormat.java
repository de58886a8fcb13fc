package io.downtime.features.datasets;

import io.downtime.features.InstanceSeries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The layout SMD and ASD share: {@code train/<e>.txt.gz} and {@code test/<e>.txt.gz} (comma-separated values, no
 * header, one row per sample) and {@code test_label/<e>.txt} (one 0/1 per test row). The files carry no times: the
 * first train row is placed at {@link #EPOCH} and the test rows follow the train rows directly. Signals are named
 * {@code m1}, {@code m2}, ... after their column.
 */
final class ServerMachineFormat {

    static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private ServerMachineFormat() {
    }

    static List<Entity> read(Path dir, Duration step) throws IOException {
        Path labels = dir.resolve("test_label");
        if (!Files.isDirectory(labels)) {
            throw new IllegalArgumentException(dir + " has no test_label/ directory; is it an SMD or ASD dataset?");
        }
        List<String> names;
        try (Stream<Path> files = Files.list(labels)) {
            names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        List<Entity> entities = new ArrayList<>(names.size());
        for (String name : names) {
            entities.add(entity(dir, name, step));
        }
        return entities;
    }

    private static Entity entity(Path dir, String name, Duration step) throws IOException {
        List<double[]> train = rows(dir.resolve("train").resolve(name + ".txt.gz"));
        List<double[]> test = rows(dir.resolve("test").resolve(name + ".txt.gz"));
        List<String> labelLines = Files.readAllLines(dir.resolve("test_label").resolve(name + ".txt"));
        boolean[] down = new boolean[test.size()];
        int count = 0;
        for (String line : labelLines) {
            if (line.isBlank()) {
                continue;
            }
            if (count >= down.length) {
                throw new IllegalArgumentException("test_label/" + name + ".txt has more labels than test rows (" + down.length + ")");
            }
            down[count++] = switch (line.strip()) {
                case "0" -> false;
                case "1" -> true;
                default -> throw new IllegalArgumentException("test_label/" + name + ".txt line " + count + " is not 0 or 1");
            };
        }
        if (count != down.length) {
            throw new IllegalArgumentException("test_label/" + name + ".txt has " + count + " labels for " + down.length + " test rows");
        }
        int columns = test.isEmpty() ? 0 : test.get(0).length;
        List<String> signals = IntStream.rangeClosed(1, columns).mapToObj(i -> "m" + i).toList();
        long start = EPOCH.toEpochMilli();
        long stepMillis = step.toMillis();
        InstanceSeries trainSeries = series(name, signals, train, start, stepMillis, new boolean[train.size()]);
        InstanceSeries testSeries = series(name, signals, test, start + train.size() * stepMillis, stepMillis, down);
        return new Entity(name, trainSeries, testSeries);
    }

    private static InstanceSeries series(String name, List<String> signals, List<double[]> rows, long start,
                                         long stepMillis, boolean[] down) {
        long[] timestamps = new long[rows.size()];
        double[][] values = new double[signals.size()][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            timestamps[t] = start + t * stepMillis;
            double[] row = rows.get(t);
            if (row.length != signals.size()) {
                throw new IllegalArgumentException(name + " row " + (t + 1) + " has " + row.length
                        + " columns, expected " + signals.size());
            }
            for (int s = 0; s < row.length; s++) {
                values[s][t] = row[s];
            }
        }
        return InstanceSeries.labelled(name, timestamps, signals, values, down);
    }

    private static List<double[]> rows(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " is missing");
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int i = 0; i < cells.length; i++) {
                    try {
                        row[i] = Double.parseDouble(cells[i]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(file.getFileName() + " row " + (rows.size() + 1)
                                + " column " + (i + 1) + " is not a number: " + cells[i], e);
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }
}

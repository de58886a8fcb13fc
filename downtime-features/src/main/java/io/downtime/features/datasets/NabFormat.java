package io.downtime.features.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.features.InstanceSeries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * NAB: {@code data/<category>/<file>.csv} ({@code timestamp,value}, UTC) and {@code labels/combined_labels.json} (anomaly
 * start times) with {@code labels/combined_windows.json} (the window around each). An incident runs from a labelled
 * time to the end of its window. Rows whose time is not after the previous row's (NAB has duplicates and a DST step
 * back) are dropped. Every row is labelled; there is no unlabelled train part.
 */
final class NabFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private NabFormat() {
    }

    static List<Entity> read(Path dir) throws IOException {
        JsonNode labels = JSON.readTree(dir.resolve("labels").resolve("combined_labels.json").toFile());
        JsonNode windows = JSON.readTree(dir.resolve("labels").resolve("combined_windows.json").toFile());
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir.resolve("data"))) {
            files = all.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<Entity> entities = new ArrayList<>(files.size());
        for (Path file : files) {
            String key = dir.resolve("data").relativize(file).toString().replace('\\', '/');
            String name = file.getFileName().toString().replace(".csv", "");
            InstanceSeries test = series(name, file, labels.path(key), windows.path(key));
            InstanceSeries empty = InstanceSeries.observed(name, new long[0], test.signals(), new double[1][0], new boolean[0]);
            entities.add(new Entity(name, empty, test));
        }
        return entities;
    }

    private static InstanceSeries series(String name, Path file, JsonNode labelTimes, JsonNode windowRanges)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        long[] timestamps = new long[lines.size()];
        double[] values = new double[lines.size()];
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            long time;
            try {
                time = millis(cells[0]);
                values[n] = Double.parseDouble(cells[1]);
            } catch (DateTimeParseException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + (i + 1) + " is not timestamp,value: " + line, e);
            }
            if (n == 0 || time > timestamps[n - 1]) {
                timestamps[n++] = time;
            }
        }
        timestamps = Arrays.copyOf(timestamps, n);
        values = Arrays.copyOf(values, n);
        boolean[] down = new boolean[n];
        for (JsonNode label : labelTimes) {
            long start = millis(label.asText());
            long end = windowEnd(windowRanges, start);
            for (int t = 0; t < n; t++) {
                if (timestamps[t] >= start && timestamps[t] <= end) {
                    down[t] = true;
                }
            }
        }
        return InstanceSeries.labelled(name, timestamps, List.of("value"), new double[][]{values}, down);
    }

    /** The end of the window containing {@code start}; {@code start} itself when no window contains it. */
    private static long windowEnd(JsonNode windows, long start) {
        for (JsonNode window : windows) {
            long from = millis(window.get(0).asText());
            long to = millis(window.get(1).asText());
            if (from <= start && start <= to) {
                return to;
            }
        }
        return start;
    }

    private static long millis(String text) {
        return LocalDateTime.parse(text.strip(), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}

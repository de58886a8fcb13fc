package io.downtime.bench.memory;

import io.downtime.features.DowntimeLabels;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.InstanceSeries;
import io.downtime.features.TrainingSetCsv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures feature computation: the latest vectors of 10,000 instances (target: under 1 s) and the rate at which
 * labelled training rows are built and written as CSV. Run by {@code bin/bench}; writes a JSON report.
 */
public final class FeatureBenchmark {

    private static final int INSTANCES = 10_000;
    private static final int SIGNALS = 15;

    public static void main(String[] args) throws IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "target/bench/features.json");
        List<String> signals = new ArrayList<>();
        for (int s = 0; s < SIGNALS; s++) {
            signals.add("signal_" + s);
        }
        FeatureExtractor extractor = new FeatureExtractor(signals);
        SplittableRandom random = new SplittableRandom(1);
        // 1,000 distinct histories shared round-robin: a day of samples for 10,000 instances would not fit a small heap,
        // and the computation does not depend on which history an instance has.
        List<InstanceSeries> distinct = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            distinct.add(series("history-" + i, signals, extractor.historyNeeded(), random));
        }
        List<InstanceSeries> fleet = new ArrayList<>(INSTANCES);
        for (int i = 0; i < INSTANCES; i++) {
            InstanceSeries shared = distinct.get(i % distinct.size());
            fleet.add(InstanceSeries.observed("instance-" + i, shared.timestamps(), shared.signals(), shared.values(),
                    shared.observedDown()));
        }
        double best = Double.MAX_VALUE;
        double checksum = 0;
        for (int round = 0; round < 5; round++) {
            long started = System.nanoTime();
            for (InstanceSeries series : fleet) {
                checksum += extractor.vectorAt(series, series.length() - 1)[0];
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }

        InstanceSeries history = series("history", signals, 2 * 1440, random);
        byte[] labels = DowntimeLabels.label(history.incidents(), 60);
        long started = System.nanoTime();
        long rows = 0;
        try (Writer sink = Writer.nullWriter()) {
            TrainingSetCsv.writeHeader(sink, extractor.schema());
            for (int repeat = 0; repeat < 5; repeat++) {
                for (int t = 0; t < history.length(); t++) {
                    if (labels[t] != DowntimeLabels.UNKNOWN) {
                        TrainingSetCsv.writeRow(sink, "history", history.timestamps()[t], labels[t], history.incidents()[t],
                                history.observedDown()[t],
                                extractor.vectorAt(history, t));
                        rows++;
                    }
                }
            }
        }
        double rowsPerSecond = rows / ((System.nanoTime() - started) / 1e9);
        String json = String.format(Locale.ROOT, """
                {"instances": %d, "signals": %d, "features": %d, "history_samples": %d,
                 "latest_vectors_seconds": %.3f, "training_rows_per_second": %.0f, "checksum": %.3f}
                """, INSTANCES, SIGNALS, extractor.schema().size(), extractor.historyNeeded(), best, rowsPerSecond, checksum);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, json);
        System.out.print(json);
    }

    private static InstanceSeries series(String name, List<String> signals, int length, SplittableRandom random) {
        long[] timestamps = new long[length];
        double[][] values = new double[signals.size()][length];
        boolean[] down = new boolean[length];
        for (int t = 0; t < length; t++) {
            timestamps[t] = t * 60_000L;
            down[t] = t % 700 > 690;
            for (int s = 0; s < signals.size(); s++) {
                values[s][t] = down[t] ? Double.NaN : random.nextDouble();
            }
        }
        return InstanceSeries.observed(name, timestamps, signals, values, down);
    }
}

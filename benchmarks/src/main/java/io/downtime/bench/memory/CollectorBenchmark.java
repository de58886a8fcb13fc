package io.downtime.bench.memory;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogBatchParser;
import io.downtime.collector.logs.LogCounters;
import io.downtime.collector.logs.LogEvent;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Measures what the collector's memory and ingest cost: heap per instance-signal-hour of rolling windows (the target:
 * 10,000 instances x 20 signals x 6 h at 1-minute resolution within 1 GiB of heap), samples appended per second, and
 * log lines parsed and counted per second. Run by {@code bin/bench} with {@code -Xmx1g}; writes a JSON report.
 */
public final class CollectorBenchmark {

    private static final int INSTANCES = 10_000;
    private static final int HOURS = 6;

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/bench/collector.json");
        List<String> metricSignals = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            metricSignals.add("signal_" + i);
        }
        LogCounters logs = new LogCounters(List.of(
                new LogCounters.LogPattern("restart", Pattern.compile("(?i)restart")),
                new LogCounters.LogPattern("oom", Pattern.compile("(?i)out of memory")),
                new LogCounters.LogPattern("panic", Pattern.compile("(?i)panic"))), Duration.ofHours(1).toMillis(), 100_000);
        long before = usedHeap();
        InstanceWindows windows = new InstanceWindows(metricSignals, logs, Duration.ofMinutes(1),
                Duration.ofHours(HOURS), Shard.ALL, Duration.ZERO);
        int signals = windows.signals().size();
        SplittableRandom random = new SplittableRandom(1);
        double[] sample = new double[metricSignals.size()];
        long started = System.nanoTime();
        long samples = 0;
        for (int minute = 0; minute < HOURS * 60; minute++) {
            long timestamp = minute * 60_000L;
            for (int instance = 0; instance < INSTANCES; instance++) {
                for (int s = 0; s < sample.length; s++) {
                    sample[s] = random.nextDouble();
                }
                windows.append("instance-" + instance, timestamp, sample, false);
                samples++;
            }
        }
        double appendSeconds = (System.nanoTime() - started) / 1e9;
        long windowBytes = usedHeap() - before;
        double instanceSignalHours = (double) INSTANCES * signals * HOURS;
        long maxHeap = Runtime.getRuntime().maxMemory();

        LogBatchParser parser = new LogBatchParser(new LogBatchParser.Fields(List.of("host"), List.of("level"),
                List.of("message"), List.of("timestamp")), 10_000, System::currentTimeMillis);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            batch.append("{\"timestamp\":\"2026-01-01T00:00:").append(String.format(Locale.ROOT, "%02d", i % 60))
                    .append("Z\",\"host\":\"instance-").append(i % 500).append("\",\"level\":\"")
                    .append(i % 7 == 0 ? "error" : "info").append("\",\"message\":\"request served in 12 ms\"}\n");
        }
        String body = batch.toString();
        int rounds = 30;
        long logStarted = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (LogEvent event : parser.parse(body)) {
                logs.record(event);
            }
        }
        double logLinesPerSecond = rounds * 10_000 / ((System.nanoTime() - logStarted) / 1e9);

        String json = String.format(Locale.ROOT, """
                {"instances": %d, "signals": %d, "hours": %d, "resolution": "1m",
                 "window_heap_bytes": %d, "bytes_per_instance_signal_hour": %.1f, "max_heap_bytes": %d,
                 "fits_in_heap": %s, "samples_appended_per_second": %.0f, "log_lines_per_second": %.0f}
                """, INSTANCES, signals, HOURS, windowBytes, windowBytes / instanceSignalHours, maxHeap,
                windowBytes < maxHeap, samples / appendSeconds, logLinesPerSecond);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, json);
        System.out.print(json);
        if (windows.all().size() != INSTANCES) {
            throw new IllegalStateException("expected " + INSTANCES + " windows");
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

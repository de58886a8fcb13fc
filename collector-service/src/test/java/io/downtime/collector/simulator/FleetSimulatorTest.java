package io.downtime.collector.simulator;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.RollingWindow;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogCounters;
import io.downtime.collector.logs.LogEvent;
import io.downtime.features.InstanceSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetSimulatorTest {

    private static final long ORIGIN = 1_700_000_000_000L - 1_700_000_000_000L % 60_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static InstanceWindows windows(Duration retention) {
        LogCounters logs = new LogCounters(List.of(), Duration.ofDays(3).toMillis(), 100);
        return new InstanceWindows(FleetSimulator.signals(), logs, MINUTE, retention, Shard.ALL, Duration.ZERO);
    }

    private static List<InstanceSeries> simulate(long seed, Duration length) {
        FleetSimulator fleet = new FleetSimulator(20, seed, ORIGIN, MINUTE);
        InstanceWindows windows = windows(Duration.ofDays(3));
        fleet.advanceTo(ORIGIN + length.toMillis() - 1, windows, event -> { });
        return windows.all().stream().map(w -> w.between(0, Long.MAX_VALUE)).toList();
    }

    @Test
    void theSameSeedGivesTheSameFleetHistory() {
        List<InstanceSeries> first = simulate(42, Duration.ofHours(12));
        List<InstanceSeries> second = simulate(42, Duration.ofHours(12));
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).instance(), second.get(i).instance());
            assertArrayEquals(first.get(i).observedDown(), second.get(i).observedDown());
            for (int s = 0; s < first.get(i).signals().size(); s++) {
                assertArrayEquals(first.get(i).values()[s], second.get(i).values()[s]);
            }
        }
        assertFalse(Arrays.equals(first.get(0).values()[0], simulate(7, Duration.ofHours(12)).get(0).values()[0]));
    }

    @Test
    void someServersFailAndRecoverWhileOthersStayUp() {
        List<InstanceSeries> fleet = simulate(42, Duration.ofDays(2));
        List<Integer> incidents = new ArrayList<>();
        for (InstanceSeries series : fleet) {
            assertEquals(2 * 24 * 60, series.length());
            int onsets = 0;
            for (int t = 1; t < series.length(); t++) {
                if (series.observedDown()[t] && !series.observedDown()[t - 1]) {
                    onsets++;
                }
            }
            incidents.add(onsets);
        }
        assertTrue(incidents.stream().mapToInt(Integer::intValue).sum() >= 20, "incidents per server: " + incidents);
        assertTrue(incidents.contains(0), "some servers should stay up: " + incidents);
        // An outage lasts 5 to 20 steps (SimulatedServer.goDown), then the server recovers: no down run is longer,
        // and one that ends before the history does is at least that long.
        for (InstanceSeries series : fleet) {
            boolean[] down = series.observedDown();
            for (int start = 0; start < down.length; start++) {
                if (!down[start]) {
                    continue;
                }
                int end = start;
                while (end < down.length && down[end]) {
                    end++;
                }
                int length = end - start;
                String run = series.instance() + " down for " + length + " samples from " + start;
                assertTrue(length <= MAX_OUTAGE_STEPS, run + ": it did not recover");
                if (start > 0 && end < down.length) {
                    assertTrue(length >= MIN_OUTAGE_STEPS, run);
                }
                start = end;
            }
        }
    }

    private static final int MIN_OUTAGE_STEPS = 5;
    private static final int MAX_OUTAGE_STEPS = 20;

    @Test
    void aDownServerHasNoSamples() {
        for (InstanceSeries series : simulate(42, Duration.ofDays(1))) {
            for (int t = 0; t < series.length(); t++) {
                for (String signal : FleetSimulator.signals()) {
                    assertEquals(series.observedDown()[t], Double.isNaN(series.valuesOf(signal)[t]), series.instance() + " at " + t);
                }
            }
        }
    }

    @Test
    void aMemoryLeakDrainsAvailableMemoryBeforeTheServerGoesDown() {
        SimulatedServer server = serverThatFails(FailureMode.MEMORY_LEAK);
        double[] sample = new double[SimulatedServer.SIGNALS.size()];
        List<Double> memory = new ArrayList<>();
        List<LogEvent> logs = new ArrayList<>();
        while (!server.step(0, 0.5, 60, sample, logs::add)) {
            memory.add(sample[2]);
        }
        assertTrue(memory.size() >= FailureMode.MEMORY_LEAK.minLeadSteps);
        double before = memory.get(0);
        double last = memory.get(memory.size() - 1);
        assertTrue(last < 0.1 && before - last > 0.2, "memory went from " + before + " to " + last);
        assertTrue(logs.stream().anyMatch(e -> e.message().contains("Out of memory")), "the OOM kill is logged");
    }

    @Test
    void anErrorStormFloodsTheLogsBeforeTheServerGoesDown() {
        SimulatedServer server = serverThatFails(FailureMode.ERROR_STORM);
        double[] sample = new double[SimulatedServer.SIGNALS.size()];
        List<Integer> errorsPerStep = new ArrayList<>();
        List<LogEvent> logs = new ArrayList<>();
        while (!server.step(0, 0.5, 60, sample, logs::add)) {
            errorsPerStep.add((int) logs.stream().filter(e -> e.level().equals("error")).count());
            logs.clear();
        }
        int first = errorsPerStep.subList(0, 5).stream().mapToInt(Integer::intValue).sum();
        int last = errorsPerStep.subList(errorsPerStep.size() - 5, errorsPerStep.size()).stream().mapToInt(Integer::intValue).sum();
        assertTrue(last > 10 * Math.max(1, first), "errors went from " + first + " to " + last + " per 5 steps");
    }

    @Test
    void scrapeTargetsSpeakNodeExporterAndFailWhileDown() {
        FleetSimulator fleet = new FleetSimulator(20, 42, ORIGIN, MINUTE);
        InstanceWindows windows = windows(Duration.ofDays(3));
        for (long minute = 1; minute < 2 * 24 * 60; minute++) {
            fleet.advanceTo(ORIGIN + minute * 60_000, windows, event -> { });
            RollingWindow window = windows.get("api-1").orElseThrow();
            Optional<String> text = fleet.scrape("api-1");
            assertEquals(window.lastDown(), text.isEmpty(), "at minute " + minute);
            if (text.isPresent()) {
                InstanceSeries last = window.between(ORIGIN + minute * 60_000, ORIGIN + minute * 60_000);
                double available = metric(text.get(), "node_memory_MemAvailable_bytes");
                double total = metric(text.get(), "node_memory_MemTotal_bytes");
                assertEquals(last.valuesOf("memory_available_ratio")[0], available / total, 1e-6);
                assertEquals(last.valuesOf("load1")[0], metric(text.get(), "node_load1"), 1e-5);
                assertTrue(text.get().contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}"));
            }
        }
        assertTrue(fleet.scrape("nope").isEmpty());
    }

    private static double metric(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow();
    }

    @Test
    void historyIsBoundedByTheRetention() {
        FleetSimulator fleet = new FleetSimulator(3, 1, ORIGIN, MINUTE);
        InstanceWindows windows = windows(Duration.ofHours(1));
        fleet.advanceTo(ORIGIN + Duration.ofHours(5).toMillis(), windows, event -> { });
        for (RollingWindow window : windows.all()) {
            assertEquals(60, window.size());
        }
    }

    /** Steps servers of successive seeds until one starts failing in {@code mode}; returns it at that moment. */
    private static SimulatedServer serverThatFails(FailureMode mode) {
        double[] sample = new double[SimulatedServer.SIGNALS.size()];
        for (long seed = 0; seed < 1000; seed++) {
            SimulatedServer server = new SimulatedServer("s", seed, 24);
            for (int step = 0; step < 1440; step++) {
                boolean down = server.step(0, 0.5, 60, sample, event -> { });
                if (!down && server.failure() == mode) {
                    return server;
                }
                if (server.failure() != null) {
                    break;
                }
            }
        }
        throw new AssertionError("no seed produced a " + mode);
    }
}

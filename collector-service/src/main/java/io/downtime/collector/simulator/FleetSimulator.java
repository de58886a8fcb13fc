package io.downtime.collector.simulator;

import io.downtime.collector.SampleSink;
import io.downtime.collector.logs.LogEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A reproducible simulated fleet: servers named by role ({@code web-1}, {@code db-2}, ...), a third of them fragile
 * (failing several times a day), sampled every {@code step}. Each step's log lines go to a log sink before the
 * step's samples are appended, as a log shipper would deliver them.
 */
public final class FleetSimulator {

    private static final String[] ROLES = {"web", "api", "db", "cache", "worker"};

    private final Map<String, SimulatedServer> servers = new LinkedHashMap<>();
    private final long originMillis;
    private final long stepMillis;
    private long stepsTaken;

    /**
     * @param size         number of servers
     * @param seed         seed of every random choice
     * @param originMillis time of the first sample
     * @param step         time between samples
     */
    public FleetSimulator(int size, long seed, long originMillis, Duration step) {
        if (size < 1) {
            throw new IllegalArgumentException("the fleet needs at least one server, was " + size);
        }
        this.originMillis = originMillis;
        this.stepMillis = step.toMillis();
        for (int i = 0; i < size; i++) {
            String name = ROLES[i % ROLES.length] + "-" + (i / ROLES.length + 1);
            double failuresPerDay = i % 3 == 1 ? 3.0 : 0.3;
            servers.put(name, new SimulatedServer(name, seed * 1_000_003L + i, failuresPerDay));
        }
    }

    public static List<String> signals() {
        return SimulatedServer.SIGNALS;
    }

    public List<String> instances() {
        return new ArrayList<>(servers.keySet());
    }

    /** Time of the next sample the fleet will take. */
    public synchronized long nextSampleMillis() {
        return originMillis + stepsTaken * stepMillis;
    }

    /**
     * Takes every sample due at or before {@code nowMillis}: log lines to {@code logs} (stamped in the middle of the
     * interval the sample covers), then samples to {@code samples}. Returns how many steps were taken.
     */
    public synchronized long advanceTo(long nowMillis, SampleSink samples, Consumer<LogEvent> logs) {
        long target = Math.floorDiv(nowMillis - originMillis, stepMillis) + 1;
        long taken = 0;
        double[] sample = new double[SimulatedServer.SIGNALS.size()];
        double stepSeconds = stepMillis / 1000.0;
        while (stepsTaken < target) {
            long timestamp = originMillis + stepsTaken * stepMillis;
            long logTime = timestamp - stepMillis / 2;
            double dayFraction = Math.floorMod(timestamp, 86_400_000L) / 86_400_000d;
            for (SimulatedServer server : servers.values()) {
                boolean down = server.step(logTime, dayFraction, stepSeconds, sample, logs);
                samples.append(server.name(), timestamp, sample, down);
            }
            stepsTaken++;
            taken++;
        }
        return taken;
    }

    /**
     * What node-exporter on {@code instance} answers now, in the Prometheus text format; empty when the server is
     * down (its scrape fails) or unknown.
     */
    public synchronized Optional<String> scrape(String instance) {
        SimulatedServer server = servers.get(instance);
        if (server == null || server.isDown()) {
            return Optional.empty();
        }
        return Optional.of(server.node().render());
    }

    /** Whether {@code instance} is a simulated server. */
    public boolean knows(String instance) {
        return servers.containsKey(instance);
    }
}

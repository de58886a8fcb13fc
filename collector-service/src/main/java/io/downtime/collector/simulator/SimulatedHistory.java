package io.downtime.collector.simulator;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogCounters;
import io.downtime.features.InstanceSeries;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A history of the simulated fleet generated on demand, whatever the collector's source: what a predictor trains its
 * first model on when the real fleet has no incidents yet (a cold start). The simulator's signals carry the names of
 * the node-exporter queries, so a model trained on it reads a real fleet's vectors.
 */
public final class SimulatedHistory {

    private final int servers;
    private final long seed;
    private final Duration step;
    private final Duration history;
    private final Supplier<LogCounters> logs;

    /**
     * @param logs fresh, empty log counters with the collector's patterns (the simulated fleet's log lines are counted
     *             apart from the real ones)
     */
    public SimulatedHistory(int servers, long seed, Duration step, Duration history, Supplier<LogCounters> logs) {
        this.servers = servers;
        this.seed = seed;
        this.step = step;
        this.history = history;
        this.logs = logs;
    }

    /** Every simulated server's samples over the history ending at {@code nowMillis}, oldest first. */
    public List<InstanceSeries> generate(long nowMillis) {
        LogCounters counters = logs.get();
        long origin = SimulatorSource.origin(nowMillis, step, history);
        InstanceWindows windows = new InstanceWindows(FleetSimulator.signals(), counters, step, history.plus(step),
                Shard.ALL, Duration.ZERO);
        new SimulatorSource(new FleetSimulator(servers, seed, origin, step), counters, step, 1)
                .advance(nowMillis, windows);
        return windows.all().stream().map(window -> windows.series(window, Long.MIN_VALUE, Long.MAX_VALUE)).toList();
    }

    public Duration step() {
        return step;
    }

    public int servers() {
        return servers;
    }

    public Duration history() {
        return history;
    }
}

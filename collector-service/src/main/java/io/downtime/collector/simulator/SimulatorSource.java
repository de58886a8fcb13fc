package io.downtime.collector.simulator;

import io.downtime.collector.config.CollectorConfig;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.collector.SampleSink;
import io.downtime.collector.logs.LogCounters;

import java.time.Duration;
import java.util.List;

/**
 * The simulator as a metric source: the first poll generates the fleet's history (from its origin) at once, later
 * polls advance the fleet with the clock at {@code speed} times real time. Its log lines go through the log counters
 * like shipped logs.
 */
public final class SimulatorSource implements MetricSource {

    private static final long SLICE_MILLIS = Duration.ofHours(1).toMillis();

    private final FleetSimulator fleet;
    private final LogCounters logs;
    private final long stepMillis;
    private final double speed;
    private long startedMillis = -1;
    private long simulatedStartMillis;

    public SimulatorSource(FleetSimulator fleet, LogCounters logs, Duration step, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("collector.simulator.speed must be positive, was " + speed);
        }
        this.fleet = fleet;
        this.logs = logs;
        this.stepMillis = step.toMillis();
        this.speed = speed;
    }

    /** The fleet starts {@code history} before {@code nowMillis}, aligned to the step. */
    public static long origin(long nowMillis, Duration step, Duration history) {
        long aligned = nowMillis - Math.floorMod(nowMillis, step.toMillis());
        return aligned - history.toMillis() + step.toMillis();
    }

    @Override
    public CollectorConfig.Source kind() {
        return CollectorConfig.Source.SIMULATOR;
    }

    @Override
    public List<String> signals() {
        return FleetSimulator.signals();
    }

    @Override
    public void poll(long nowMillis, InstanceWindows windows) {
        advance(nowMillis, windows);
    }

    /**
     * Advances the fleet to {@code nowMillis} (real time), its samples going to {@code samples}. With
     * {@link SampleSink#DISCARD} the fleet only serves scrape targets and logs.
     */
    public synchronized void advance(long nowMillis, SampleSink samples) {
        if (startedMillis < 0) {
            startedMillis = nowMillis;
            simulatedStartMillis = nowMillis - Math.floorMod(nowMillis, stepMillis);
        }
        long simulatedNow = simulatedStartMillis + (long) ((nowMillis - startedMillis) * speed);
        // an hour at a time, so that while the history is generated the log counters it no longer needs are evicted
        long sliceEnd = Math.min(simulatedNow, fleet.nextSampleMillis() + SLICE_MILLIS);
        while (true) {
            fleet.advanceTo(sliceEnd, samples, logs::record);
            logs.evict(sliceEnd);
            if (sliceEnd >= simulatedNow) {
                return;
            }
            sliceEnd = Math.min(simulatedNow, sliceEnd + SLICE_MILLIS);
        }
    }

    public FleetSimulator fleet() {
        return fleet;
    }
}

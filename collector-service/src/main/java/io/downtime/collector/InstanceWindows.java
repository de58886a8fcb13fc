package io.downtime.collector;

import io.downtime.collector.logs.LogCounters;
import io.downtime.features.InstanceSeries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every instance's rolling window, whatever the source: a source appends its metric values, and each sample gets the
 * log counters of the interval it covers appended as further signals. Only instances of this replica's shard are kept.
 */
public final class InstanceWindows implements SampleSink {

    private final List<String> metricSignals;
    private final List<String> signals;
    private final LogCounters logs;
    private final long stepMillis;
    private final int capacity;
    private final Shard shard;
    private final int minIncidentSteps;
    private final Map<String, RollingWindow> windows = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String epoch = UUID.randomUUID().toString();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder ignored = new LongAdder();
    private final IncidentLabels declared;

    /**
     * @param metricSignals the source's signals, in the order it appends them
     * @param logs          log counters, appended after the metric signals
     * @param step          time between samples
     * @param retention     how much history each window keeps
     * @param shard         the instances this replica keeps
     * @param minIncident   down periods shorter than this are not incidents
     */
    public InstanceWindows(List<String> metricSignals, LogCounters logs, Duration step, Duration retention, Shard shard,
                           Duration minIncident) {
        this(metricSignals, logs, step, retention, shard, minIncident, IncidentLabels.NONE);
    }

    /**
     * @param declared incidents known from elsewhere (alerts), which label the samples they cover
     */
    public InstanceWindows(List<String> metricSignals, LogCounters logs, Duration step, Duration retention, Shard shard,
                           Duration minIncident, IncidentLabels declared) {
        this.declared = declared;
        this.metricSignals = List.copyOf(metricSignals);
        List<String> all = new ArrayList<>(metricSignals);
        all.addAll(logs.signals());
        this.signals = List.copyOf(all);
        this.logs = logs;
        this.stepMillis = step.toMillis();
        this.capacity = (int) Math.max(1, retention.toMillis() / stepMillis);
        this.shard = shard;
        this.minIncidentSteps = (int) Math.max(1, (minIncident.toMillis() + stepMillis - 1) / stepMillis);
    }

    /** All signals of every window: the source's, then the log counters. */
    public List<String> signals() {
        return signals;
    }

    /** The log counters among {@link #signals()}. */
    public List<String> logSignals() {
        return logs.signals();
    }

    public Duration step() {
        return Duration.ofMillis(stepMillis);
    }

    public Shard shard() {
        return shard;
    }

    /**
     * Appends a sample of {@code instance} taken at {@code timestamp}; ignored when the instance belongs to another
     * shard. {@code metricValues} follow the source's signals, {@code NaN} where missing.
     */
    @Override
    public void append(String instance, long timestamp, double[] metricValues, boolean observedDown) {
        append(instance, timestamp, metricValues, observedDown, observedDown);
    }

    /**
     * Appends a sample of a replayed dataset: its source observes no down state, and {@code incident} is the dataset's
     * label, kept only to label rows and score models.
     */
    public void appendLabelled(String instance, long timestamp, double[] metricValues, boolean incident) {
        append(instance, timestamp, metricValues, false, incident);
    }

    private void append(String instance, long timestamp, double[] metricValues, boolean observedDown,
                        boolean incident) {
        if (!shard.contains(instance)) {
            return;
        }
        if (metricValues.length != metricSignals.size()) {
            throw new IllegalArgumentException("a sample of " + instance + " has " + metricValues.length
                    + " values for " + metricSignals.size() + " signals");
        }
        double[] sample = new double[signals.size()];
        System.arraycopy(metricValues, 0, sample, 0, metricValues.length);
        double[] logRates = logs.perMinute(instance, timestamp - stepMillis, timestamp);
        System.arraycopy(logRates, 0, sample, metricValues.length, logRates.length);
        boolean added = windows.computeIfAbsent(instance, name -> new RollingWindow(name, signals, capacity, sequence))
                .append(timestamp, sample, observedDown, incident);
        (added ? accepted : ignored).increment();
    }

    /**
     * The number of the newest append so far: samples appended after a reader read this number have higher numbers
     * (see {@link RollingWindow#since}).
     */
    public long sequence() {
        return sequence.get();
    }

    /**
     * Names this run of the collector: sequence numbers count from its start, so a reader that sees another epoch
     * starts over.
     */
    public String epoch() {
        return epoch;
    }

    /** Samples each window keeps. */
    public int capacity() {
        return capacity;
    }

    /** Bytes the stored samples of every window take (see {@link RollingWindow#storedBytes()}). */
    public long storedBytes() {
        return windows.values().stream().mapToLong(RollingWindow::storedBytes).sum();
    }

    /** Values held: every window's samples times its signals. */
    public long storedValues() {
        return windows.values().stream().mapToLong(w -> (long) w.size() * w.signals().size()).sum();
    }

    /** Samples appended since start. */
    public long acceptedSamples() {
        return accepted.sum();
    }

    /** Samples ignored since start because they were not newer than their instance's newest. */
    public long ignoredSamples() {
        return ignored.sum();
    }

    /** The windows of all known instances, sorted by instance name. */
    public List<RollingWindow> all() {
        return windows.values().stream().sorted(Comparator.comparing(RollingWindow::instance)).toList();
    }

    public Optional<RollingWindow> get(String instance) {
        return Optional.ofNullable(windows.get(instance));
    }

    /**
     * Samples of {@code window} in {@code [fromMillis, toMillis]}, labelled: the samples' own incidents (those too short
     * to count cleared) and the incidents declared elsewhere that cover them.
     */
    public InstanceSeries series(RollingWindow window, long fromMillis, long toMillis) {
        return declared.label(sampledSeries(window, fromMillis, toMillis));
    }

    /** {@code series} (of the store's older history) with the declared incidents that cover its samples. */
    public InstanceSeries withDeclaredIncidents(InstanceSeries series) {
        return declared.label(series);
    }

    /** Like {@link #series}, labelled with the samples' own incidents only. */
    public InstanceSeries sampledSeries(RollingWindow window, long fromMillis, long toMillis) {
        return Incidents.withoutShortRuns(window.between(fromMillis, toMillis), minIncidentSteps);
    }
}

package io.downtime.collector;

import io.downtime.features.InstanceSeries;

import java.util.List;
import java.util.OptionalLong;

/**
 * The most recent samples of one instance, bounded in size: a ring buffer that overwrites its oldest sample, so memory
 * stays flat however long the collector runs. Values are stored as {@code float} (4 bytes a value; metrics carry far
 * fewer significant digits than that). Thread-safe.
 */
public final class RollingWindow {

    private final String instance;
    private final List<String> signals;
    private final long[] timestamps;
    private final float[][] values;
    private final boolean[] observedDown;
    private final boolean[] incidents;
    private int next;
    private int size;

    public RollingWindow(String instance, List<String> signals, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.instance = instance;
        this.signals = List.copyOf(signals);
        this.timestamps = new long[capacity];
        this.values = new float[signals.size()][capacity];
        this.observedDown = new boolean[capacity];
        this.incidents = new boolean[capacity];
    }

    /**
     * Appends a sample; {@code sample[i]} is the value of signal i, {@code NaN} when missing. A sample not newer than
     * the newest one is ignored (returns false): a source may read an overlapping range again after a failure.
     *
     * @param observedDown the source saw the instance down at this sample
     * @param incident     an incident is known to be under way (the observed down state, or a replayed label)
     */
    public synchronized boolean append(long timestamp, double[] sample, boolean observedDown, boolean incident) {
        if (sample.length != signals.size()) {
            throw new IllegalArgumentException("sample has " + sample.length + " values for " + signals.size() + " signals");
        }
        if (size > 0 && timestamp <= timestamps[(next - 1 + capacity()) % capacity()]) {
            return false;
        }
        timestamps[next] = timestamp;
        for (int s = 0; s < sample.length; s++) {
            values[s][next] = (float) sample[s];
        }
        this.observedDown[next] = observedDown;
        this.incidents[next] = incident;
        next = (next + 1) % capacity();
        size = Math.min(size + 1, capacity());
        return true;
    }

    /** The samples with {@code fromMillis <= timestamp <= toMillis}, oldest first. */
    public synchronized InstanceSeries between(long fromMillis, long toMillis) {
        int start = (next - size + capacity()) % capacity();
        int first = 0;
        while (first < size && timestamps[(start + first) % capacity()] < fromMillis) {
            first++;
        }
        int last = first;
        while (last < size && timestamps[(start + last) % capacity()] <= toMillis) {
            last++;
        }
        int n = last - first;
        long[] ts = new long[n];
        double[][] vs = new double[signals.size()][n];
        boolean[] observed = new boolean[n];
        boolean[] incident = new boolean[n];
        for (int i = 0; i < n; i++) {
            int at = (start + first + i) % capacity();
            ts[i] = timestamps[at];
            for (int s = 0; s < vs.length; s++) {
                vs[s][i] = values[s][at];
            }
            observed[i] = observedDown[at];
            incident[i] = incidents[at];
        }
        return new InstanceSeries(instance, ts, signals, vs, observed, incident);
    }

    /** Time of the oldest sample kept, or empty when there is none yet. */
    public synchronized OptionalLong firstTimestamp() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(timestamps[(next - size + capacity()) % capacity()]);
    }

    /** Time of the newest sample, or empty when there is none yet. */
    public synchronized OptionalLong lastTimestamp() {
        return size == 0 ? OptionalLong.empty()
                : OptionalLong.of(timestamps[(next - 1 + capacity()) % capacity()]);
    }

    /** Whether the source observed the instance down at the newest sample. */
    public synchronized boolean lastDown() {
        return size > 0 && observedDown[(next - 1 + capacity()) % capacity()];
    }

    public List<String> signals() {
        return signals;
    }

    public String instance() {
        return instance;
    }

    public synchronized int size() {
        return size;
    }

    private int capacity() {
        return timestamps.length;
    }
}

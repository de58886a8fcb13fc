package io.downtime.collector;

import io.downtime.collector.storage.SampleChunk;
import io.downtime.features.InstanceSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent samples of one instance, bounded in size and compressed: values are kept as {@code float} (metrics
 * carry far fewer significant digits than that), the newest up to {@value #CHUNK} samples as plain arrays, older ones in
 * sealed {@link SampleChunk}s (delta-of-delta timestamps, XOR-encoded values, as time-series databases store them).
 * The oldest chunk is dropped once the samples it holds have all fallen out of the retention, so memory stays flat
 * however long the collector runs; exactly {@code capacity} samples are visible. Every sample gets a number from a
 * sequence shared by all windows, so a reader can ask for what was appended since it last looked
 * ({@link #since}). Thread-safe.
 */
public final class RollingWindow {

    /** Samples per sealed chunk: two hours at one sample a minute. */
    public static final int CHUNK = 120;
    /** Appends whose sequence numbers are remembered, for {@link #since}. */
    static final int RECENT = 256;

    /**
     * Samples appended after a sequence number, with the values {@code lag} samples before each.
     *
     * @param reset      the reader missed samples (or asked from the start): these are the newest samples, not only the
     *                   new ones, and the reader starts over from them
     * @param timestamps epoch milliseconds, oldest first
     * @param values     {@code values[signal][sample]}, {@code NaN} where missing
     * @param observedDown whether the source saw the instance down at each sample
     * @param lagged     {@code lagged[signal][sample]}: the value {@code lag} samples earlier, {@code NaN} where the
     *                   window does not reach back that far
     */
    public record Recent(boolean reset, long[] timestamps, float[][] values, boolean[] observedDown, float[][] lagged) {

        public int length() {
            return timestamps.length;
        }
    }

    private final String instance;
    private final List<String> signals;
    private final int capacity;
    private final int chunkSize;
    private final AtomicLong sequence;
    private final List<SampleChunk> sealed = new ArrayList<>();
    private final long[] openTimestamps;
    private final float[][] openValues;
    private final boolean[] openDown;
    private final boolean[] openIncidents;
    private final long[] recentSequence = new long[RECENT];
    private long appended;
    private int openSize;
    private int stored;
    private int size;
    private long lastTimestamp;
    private boolean lastDown;

    public RollingWindow(String instance, List<String> signals, int capacity) {
        this(instance, signals, capacity, new AtomicLong());
    }

    /**
     * @param capacity samples kept
     * @param sequence numbers appends, shared by the windows a reader follows together
     */
    public RollingWindow(String instance, List<String> signals, int capacity, AtomicLong sequence) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.instance = instance;
        this.signals = List.copyOf(signals);
        this.capacity = capacity;
        this.chunkSize = Math.min(CHUNK, capacity);
        this.sequence = sequence;
        this.openTimestamps = new long[chunkSize];
        this.openValues = new float[signals.size()][chunkSize];
        this.openDown = new boolean[chunkSize];
        this.openIncidents = new boolean[chunkSize];
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
        if (size > 0 && timestamp <= lastTimestamp) {
            return false;
        }
        openTimestamps[openSize] = timestamp;
        for (int s = 0; s < sample.length; s++) {
            openValues[s][openSize] = (float) sample[s];
        }
        openDown[openSize] = observedDown;
        openIncidents[openSize] = incident;
        openSize++;
        stored++;
        size = Math.min(size + 1, capacity);
        lastTimestamp = timestamp;
        lastDown = observedDown;
        recentSequence[(int) (appended++ % RECENT)] = sequence.incrementAndGet();
        if (openSize == chunkSize) {
            sealed.add(SampleChunk.seal(openSize, openTimestamps, openValues, openDown, openIncidents));
            openSize = 0;
        }
        while (!sealed.isEmpty() && stored - sealed.get(0).count() >= size) {
            stored -= sealed.remove(0).count();
        }
        return true;
    }

    /** The samples with {@code fromMillis <= timestamp <= toMillis}, oldest first. */
    public synchronized InstanceSeries between(long fromMillis, long toMillis) {
        long[] all = visibleTimestamps();
        int first = 0;
        while (first < size && all[first] < fromMillis) {
            first++;
        }
        int last = first;
        while (last < size && all[last] <= toMillis) {
            last++;
        }
        int n = last - first;
        float[][] values = new float[signals.size()][n];
        boolean[] observed = new boolean[n];
        boolean[] incident = new boolean[n];
        long[] timestamps = new long[n];
        copy(first, n, timestamps, values, observed, incident);
        double[][] columns = new double[values.length][n];
        for (int s = 0; s < values.length; s++) {
            for (int i = 0; i < n; i++) {
                columns[s][i] = values[s][i];
            }
        }
        return new InstanceSeries(instance, timestamps, signals, columns, observed, incident);
    }

    /**
     * The samples appended after sequence number {@code after}, each with the values {@code lag} samples before it;
     * at most the newest {@code limit}. When more were appended than this window remembers or {@code limit} allows,
     * or {@code after} is 0, the newest {@code limit} samples are returned marked as a reset.
     */
    public synchronized Recent since(long after, int limit, int lag) {
        if (limit < 1 || lag < 0) {
            throw new IllegalArgumentException("limit must be positive and lag not negative: " + limit + ", " + lag);
        }
        int remembered = (int) Math.min(appended, RECENT);
        int fresh = 0;
        while (fresh < remembered && recentSequence[(int) ((appended - 1 - fresh) % RECENT)] > after) {
            fresh++;
        }
        boolean reset = after == 0 || (fresh == remembered && appended > remembered) || fresh > Math.min(limit, size);
        int n = reset ? Math.min(limit, size) : fresh;
        int from = size - n;
        long[] timestamps = new long[n];
        float[][] values = new float[signals.size()][n];
        boolean[] observed = new boolean[n];
        copy(from, n, timestamps, values, observed, new boolean[n]);
        float[][] lagged = new float[signals.size()][n];
        int firstReachable = Math.max(0, lag - from);
        int reachable = Math.max(0, n - firstReachable);
        for (float[] column : lagged) {
            Arrays.fill(column, Float.NaN);
        }
        if (reachable > 0) {
            float[][] earlier = new float[signals.size()][reachable];
            copy(from + firstReachable - lag, reachable, new long[reachable], earlier, new boolean[reachable],
                    new boolean[reachable]);
            for (int s = 0; s < earlier.length; s++) {
                System.arraycopy(earlier[s], 0, lagged[s], firstReachable, reachable);
            }
        }
        return new Recent(reset, timestamps, values, observed, lagged);
    }

    /** Time of the oldest sample kept, or empty when there is none yet. */
    public synchronized OptionalLong firstTimestamp() {
        if (size == 0) {
            return OptionalLong.empty();
        }
        long[] first = new long[1];
        copy(0, 1, first, new float[signals.size()][1], new boolean[1], new boolean[1]);
        return OptionalLong.of(first[0]);
    }

    /** Time of the newest sample, or empty when there is none yet. */
    public synchronized OptionalLong lastTimestamp() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(lastTimestamp);
    }

    /** Whether the source observed the instance down at the newest sample. */
    public synchronized boolean lastDown() {
        return size > 0 && lastDown;
    }

    /** Bytes the stored samples take, compressed chunks and the open chunk's arrays (without object headers). */
    public synchronized long storedBytes() {
        long bytes = (long) chunkSize * (Long.BYTES + 2 + (long) Float.BYTES * signals.size());
        for (SampleChunk chunk : sealed) {
            bytes += chunk.bytes();
        }
        return bytes;
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

    /** Timestamps of the visible samples, oldest first. */
    private long[] visibleTimestamps() {
        long[] all = new long[stored];
        int at = 0;
        for (SampleChunk chunk : sealed) {
            chunk.decodeTimestamps(all, at);
            at += chunk.count();
        }
        System.arraycopy(openTimestamps, 0, all, at, openSize);
        long[] visible = new long[size];
        System.arraycopy(all, stored - size, visible, 0, size);
        return visible;
    }

    /** Copies {@code n} visible samples from visible index {@code from} (0 = oldest) into the arrays from index 0. */
    private void copy(int from, int n, long[] timestamps, float[][] values, boolean[] down, boolean[] incident) {
        int at = stored - size + from;
        int out = 0;
        for (SampleChunk chunk : sealed) {
            if (n == 0) {
                return;
            }
            if (at >= chunk.count()) {
                at -= chunk.count();
                continue;
            }
            long[] ts = new long[chunk.count()];
            float[][] vs = new float[signals.size()][chunk.count()];
            boolean[] dn = new boolean[chunk.count()];
            boolean[] in = new boolean[chunk.count()];
            chunk.decode(ts, vs, dn, in);
            int take = Math.min(chunk.count() - at, n);
            copyRange(ts, vs, dn, in, at, take, timestamps, values, down, incident, out);
            out += take;
            n -= take;
            at = 0;
        }
        if (n > 0) {
            copyRange(openTimestamps, openValues, openDown, openIncidents, at, n, timestamps, values, down, incident, out);
        }
    }

    private static void copyRange(long[] ts, float[][] vs, boolean[] dn, boolean[] in, int from, int n,
                                  long[] timestamps, float[][] values, boolean[] down, boolean[] incident, int to) {
        System.arraycopy(ts, from, timestamps, to, n);
        for (int s = 0; s < vs.length; s++) {
            System.arraycopy(vs[s], from, values[s], to, n);
        }
        System.arraycopy(dn, from, down, to, n);
        System.arraycopy(in, from, incident, to, n);
    }
}

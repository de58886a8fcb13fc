package io.downtime.features;

import java.util.Arrays;
import java.util.List;

/**
 * The live feature state of one instance: its newest {@link FeatureExtractor#baseline()} samples in a ring, appended
 * one at a time as they arrive (O(signals) work per sample), and the vector at the newest sample, computed by the
 * extractor's one computation ({@link FeatureExtractor#vectorOf}) and kept until the next sample. The vector therefore
 * equals the one {@link FeatureExtractor#vectorAt} computes from the whole series at that sample. Values are kept as
 * {@code float}, the precision the collector stores. Not thread-safe: one writer, readers get copies.
 */
public final class FeatureWindow {

    private final FeatureExtractor extractor;
    private final int[] sourceIndex;
    private final int capacity;
    private final long[] timestamps;
    private final float[][] values;
    private final boolean[] observedDown;
    private final double[] dayEarlier;
    private int next;
    private int size;
    private double[] vector;

    /**
     * @param sourceSignals the order of the values given to {@link #append}; signals the extractor wants but the source
     *                      lacks are missing ({@code NaN})
     */
    public FeatureWindow(FeatureExtractor extractor, List<String> sourceSignals) {
        this.extractor = extractor;
        List<String> wanted = extractor.signals();
        this.sourceIndex = wanted.stream().mapToInt(sourceSignals::indexOf).toArray();
        this.capacity = extractor.baseline();
        this.timestamps = new long[capacity];
        this.values = new float[wanted.size()][capacity];
        this.observedDown = new boolean[capacity];
        this.dayEarlier = new double[wanted.size()];
    }

    /**
     * Appends a sample newer than the newest; an older or equal one is ignored (returns false), as the collector ignores
     * late samples.
     *
     * @param sample     values in the source's signal order, {@code NaN} where missing
     * @param dayEarlier the values {@link FeatureExtractor#daySamples()} samples earlier, in the same order
     */
    public boolean append(long timestamp, float[] sample, boolean down, float[] dayEarlier) {
        if (size > 0 && timestamp <= newestTimestamp()) {
            return false;
        }
        timestamps[next] = timestamp;
        for (int s = 0; s < sourceIndex.length; s++) {
            int from = sourceIndex[s];
            values[s][next] = from < 0 ? Float.NaN : sample[from];
            this.dayEarlier[s] = from < 0 ? Double.NaN : dayEarlier[from];
        }
        observedDown[next] = down;
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        vector = null;
        return true;
    }

    /** Forgets every sample: the next ones start the history afresh (the source started over). */
    public void clear() {
        next = 0;
        size = 0;
        vector = null;
    }

    public int size() {
        return size;
    }

    /** Time of the newest sample, epoch milliseconds; only when {@link #size()} is positive. */
    public long newestTimestamp() {
        if (size == 0) {
            throw new IllegalStateException("no samples yet");
        }
        return timestamps[(next - 1 + capacity) % capacity];
    }

    /** The vector at the newest sample (a copy); only when {@link #size()} is positive. */
    public double[] vector() {
        if (size == 0) {
            throw new IllegalStateException("no samples yet");
        }
        if (vector == null) {
            double[][] columns = new double[values.length][size];
            boolean[] down = new boolean[size];
            int start = (next - size + capacity) % capacity;
            for (int i = 0; i < size; i++) {
                int at = (start + i) % capacity;
                for (int s = 0; s < values.length; s++) {
                    columns[s][i] = values[s][at];
                }
                down[i] = observedDown[at];
            }
            vector = extractor.vectorOf(columns, down, size - 1, dayEarlier);
        }
        return Arrays.copyOf(vector, vector.length);
    }
}

package io.downtime.models;

import io.downtime.features.FeatureSchema;
import io.downtime.features.TrainingSetCsv;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Feature vectors with their downtime labels, the instance and the time of each row: a training or test set.
 * <p>
 * A row at which the source already observed the instance down is no prediction: it stays here only so incidents can
 * be found (where they begin and end), and {@link #predictions()} leaves it out of training and of every figure.
 *
 * @param schema       schema of every vector
 * @param vectors      {@code vectors[row]}, each of {@code schema.size()} values, {@code NaN} where missing
 * @param labels       1 when the row is positive (incident under way or starting within the horizon), else 0
 * @param incidents    whether an incident was under way at the row (ground truth): where incidents begin and end
 * @param observedDown whether the source observed the instance down at the row
 * @param instances    instance of each row
 * @param timestamps   epoch milliseconds of each row
 * @param step         time between two samples of an instance, as its source (the collector, a dataset) samples it:
 *                     what a horizon is in rows, and how long an alarm episode lasts
 */
public record LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, boolean[] incidents,
                           boolean[] observedDown, String[] instances, long[] timestamps, Duration step) {

    /** Rows without incident times (no row is in an incident), e.g. synthetic ones. */
    public LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, String[] instances, long[] timestamps,
                        Duration step) {
        this(schema, vectors, labels, new boolean[labels.length], instances, timestamps, step);
    }

    /** Rows of a source that observes no down state, as dataset replay. */
    public LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, boolean[] incidents,
                        String[] instances, long[] timestamps, Duration step) {
        this(schema, vectors, labels, incidents, new boolean[labels.length], instances, timestamps, step);
    }

    public LabelledRows {
        if (step == null || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("labelled rows need a positive sample step, was " + step);
        }
        int n = vectors.length;
        if (labels.length != n || incidents.length != n || observedDown.length != n || instances.length != n
                || timestamps.length != n) {
            throw new IllegalArgumentException(
                    "labelled rows need as many labels, incident and observed-down flags, instances and timestamps as vectors");
        }
        for (double[] vector : vectors) {
            if (vector.length != schema.size()) {
                throw new IllegalArgumentException(
                        "a vector has " + vector.length + " values but schema " + schema.hash() + " has " + schema.size());
            }
        }
    }

    /**
     * The rows of a CSV training set sampled every {@code step}, after checking its columns are the features of
     * {@code schema}, in order.
     */
    public static LabelledRows of(FeatureSchema schema, TrainingSetCsv.Rows rows, Duration step) {
        if (!rows.featureNames().equals(schema.names())) {
            throw new FeatureSchema.SchemaMismatchException("training set columns " + rows.featureNames()
                    + " are not the features of schema " + schema.hash() + " " + schema.names());
        }
        byte[] labels = new byte[rows.labels().size()];
        boolean[] incidents = new boolean[labels.length];
        boolean[] observedDown = new boolean[labels.length];
        long[] timestamps = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = rows.labels().get(i);
            incidents[i] = rows.incidents().get(i);
            observedDown[i] = rows.observedDown().get(i);
            timestamps[i] = rows.timestamps().get(i);
        }
        return new LabelledRows(schema, rows.vectors().toArray(double[][]::new), labels, incidents, observedDown,
                rows.instances().toArray(String[]::new), timestamps, step);
    }

    public int size() {
        return vectors.length;
    }

    public long positives() {
        int count = 0;
        for (byte label : labels) {
            count += label;
        }
        return count;
    }

    /** Rows at which the source observed the instance down: no predictions. */
    public int observedDownRows() {
        int count = 0;
        for (boolean down : observedDown) {
            count += down ? 1 : 0;
        }
        return count;
    }

    /** The rows that are predictions: every row except those at which the source already observed the instance down. */
    public LabelledRows predictions() {
        return observedDownRows() == 0 ? this : where(i -> !observedDown[i]);
    }

    /** Rows whose time is in {@code [fromMillis, toMillis)}, in their original order. */
    public LabelledRows between(long fromMillis, long toMillis) {
        return where(i -> timestamps[i] >= fromMillis && timestamps[i] < toMillis);
    }

    /** The rows whose position passes {@code keep}, in their original order. */
    public LabelledRows where(IntPredicate keep) {
        int[] kept = IntStream.range(0, size()).filter(keep).toArray();
        Builder rows = new Builder(schema, step, kept.length);
        for (int row : kept) {
            rows.add(this, row);
        }
        return rows.build();
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), by position. */
    public LabelledRows slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + " to " + to + " of " + size());
        }
        Builder rows = new Builder(schema, step, to - from);
        for (int row = from; row < to; row++) {
            rows.add(this, row);
        }
        return rows.build();
    }

    /** The rows of every part, one after the other; all parts must share one schema and one step. */
    public static LabelledRows concat(FeatureSchema schema, List<LabelledRows> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no rows to join");
        }
        int n = 0;
        for (LabelledRows part : parts) {
            if (!part.schema().hash().equals(schema.hash())) {
                throw new FeatureSchema.SchemaMismatchException("rows of schema " + part.schema().hash()
                        + " cannot join rows of schema " + schema.hash());
            }
            if (!part.step().equals(parts.get(0).step())) {
                throw new IllegalArgumentException("rows sampled every " + part.step() + " cannot join rows sampled "
                        + "every " + parts.get(0).step());
            }
            n += part.size();
        }
        Builder rows = new Builder(schema, parts.get(0).step(), n);
        for (LabelledRows part : parts) {
            for (int row = 0; row < part.size(); row++) {
                rows.add(part, row);
            }
        }
        return rows.build();
    }

    /** Samples in {@code horizon} at the rows' step (at least one). */
    public int samplesIn(Duration horizon) {
        return (int) Math.max(1, horizon.toMillis() / step.toMillis());
    }

    /** Rows gathered one by one from other rows of the same schema and step. */
    private static final class Builder {
        private final FeatureSchema schema;
        private final Duration step;
        private final double[][] vectors;
        private final byte[] labels;
        private final boolean[] incidents;
        private final boolean[] observedDown;
        private final String[] instances;
        private final long[] timestamps;
        private int size;

        Builder(FeatureSchema schema, Duration step, int capacity) {
            this.schema = schema;
            this.step = step;
            vectors = new double[capacity][];
            labels = new byte[capacity];
            incidents = new boolean[capacity];
            observedDown = new boolean[capacity];
            instances = new String[capacity];
            timestamps = new long[capacity];
        }

        void add(LabelledRows from, int row) {
            vectors[size] = from.vectors[row];
            labels[size] = from.labels[row];
            incidents[size] = from.incidents[row];
            observedDown[size] = from.observedDown[row];
            instances[size] = from.instances[row];
            timestamps[size] = from.timestamps[row];
            size++;
        }

        LabelledRows build() {
            return new LabelledRows(schema, vectors, labels, incidents, observedDown, instances, timestamps, step);
        }
    }

    public long firstTimestamp() {
        return Arrays.stream(timestamps).min().orElseThrow(() -> new IllegalStateException("no rows"));
    }

    public long lastTimestamp() {
        return Arrays.stream(timestamps).max().orElseThrow(() -> new IllegalStateException("no rows"));
    }
}

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
 */
public record LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, boolean[] incidents,
                           boolean[] observedDown, String[] instances, long[] timestamps) {

    /** Rows without incident times (no row is in an incident), e.g. synthetic ones. */
    public LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, String[] instances, long[] timestamps) {
        this(schema, vectors, labels, new boolean[labels.length], instances, timestamps);
    }

    /** Rows of a source that observes no down state, as dataset replay. */
    public LabelledRows(FeatureSchema schema, double[][] vectors, byte[] labels, boolean[] incidents,
                        String[] instances, long[] timestamps) {
        this(schema, vectors, labels, incidents, new boolean[labels.length], instances, timestamps);
    }

    public LabelledRows {
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

    /** The rows of a CSV training set, after checking its columns are the features of {@code schema}, in order. */
    public static LabelledRows of(FeatureSchema schema, TrainingSetCsv.Rows rows) {
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
                rows.instances().toArray(String[]::new), timestamps);
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
        int n = kept.length;
        double[][] v = new double[n][];
        byte[] l = new byte[n];
        boolean[] d = new boolean[n];
        boolean[] o = new boolean[n];
        String[] in = new String[n];
        long[] ts = new long[n];
        for (int j = 0; j < n; j++) {
            v[j] = vectors[kept[j]];
            l[j] = labels[kept[j]];
            d[j] = incidents[kept[j]];
            o[j] = observedDown[kept[j]];
            in[j] = instances[kept[j]];
            ts[j] = timestamps[kept[j]];
        }
        return new LabelledRows(schema, v, l, d, o, in, ts);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), by position. */
    public LabelledRows slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("rows " + from + " to " + to + " of " + size());
        }
        return new LabelledRows(schema, Arrays.copyOfRange(vectors, from, to), Arrays.copyOfRange(labels, from, to),
                Arrays.copyOfRange(incidents, from, to), Arrays.copyOfRange(observedDown, from, to),
                Arrays.copyOfRange(instances, from, to), Arrays.copyOfRange(timestamps, from, to));
    }

    /** The rows of every part, one after the other; all parts must share one schema. */
    public static LabelledRows concat(FeatureSchema schema, List<LabelledRows> parts) {
        int n = 0;
        for (LabelledRows part : parts) {
            if (!part.schema().hash().equals(schema.hash())) {
                throw new FeatureSchema.SchemaMismatchException("rows of schema " + part.schema().hash()
                        + " cannot join rows of schema " + schema.hash());
            }
            n += part.size();
        }
        double[][] v = new double[n][];
        byte[] l = new byte[n];
        boolean[] d = new boolean[n];
        boolean[] o = new boolean[n];
        String[] in = new String[n];
        long[] ts = new long[n];
        int at = 0;
        for (LabelledRows part : parts) {
            int size = part.size();
            System.arraycopy(part.vectors, 0, v, at, size);
            System.arraycopy(part.labels, 0, l, at, size);
            System.arraycopy(part.incidents, 0, d, at, size);
            System.arraycopy(part.observedDown, 0, o, at, size);
            System.arraycopy(part.instances, 0, in, at, size);
            System.arraycopy(part.timestamps, 0, ts, at, size);
            at += size;
        }
        return new LabelledRows(schema, v, l, d, o, in, ts);
    }

    /** Samples in {@code horizon} at the rows' typical step: the median time between an instance's consecutive rows. */
    public int samplesIn(Duration horizon) {
        long[] steps = new long[Math.max(0, size() - 1)];
        int n = 0;
        for (int r = 1; r < size(); r++) {
            if (instances[r].equals(instances[r - 1]) && timestamps[r] > timestamps[r - 1]) {
                steps[n++] = timestamps[r] - timestamps[r - 1];
            }
        }
        if (n == 0) {
            return 1;
        }
        long[] sorted = Arrays.copyOf(steps, n);
        Arrays.sort(sorted);
        return (int) Math.max(1, horizon.toMillis() / sorted[n / 2]);
    }

    public long firstTimestamp() {
        return Arrays.stream(timestamps).min().orElseThrow(() -> new IllegalStateException("no rows"));
    }

    public long lastTimestamp() {
        return Arrays.stream(timestamps).max().orElseThrow(() -> new IllegalStateException("no rows"));
    }
}

package io.downtime.features;

import java.util.Arrays;

/**
 * The prediction target: row t is positive when an incident is under way at t or starts in (t, t+H].
 * <p>
 * Rows whose horizon reaches past the end of the data and see no incident are unknown: the incident that would make
 * them positive may lie beyond the data, so they are never used to train or evaluate.
 */
public final class DowntimeLabels {

    public static final byte NEGATIVE = 0;
    public static final byte POSITIVE = 1;
    public static final byte UNKNOWN = -1;

    private DowntimeLabels() {
    }

    /**
     * Labels the rows of a live source's series exactly as they will be labelled once its history is complete: a down
     * run the source still observes at the end of the data may yet end too short to count as an incident, so every row
     * whose label depends on it (from one horizon before it on) is unknown until it has ended. Without such a run (and
     * always for a dataset, which observes no down state) this is {@link #label(boolean[], int)}.
     */
    public static byte[] label(boolean[] incidents, boolean[] observedDown, int horizonSteps) {
        int n = incidents.length;
        int settled = n;
        while (settled > 0 && observedDown[settled - 1]) {
            settled--;
        }
        if (settled == n) {
            return label(incidents, horizonSteps);
        }
        byte[] labels = new byte[n];
        System.arraycopy(label(Arrays.copyOf(incidents, settled), horizonSteps), 0, labels, 0, settled);
        Arrays.fill(labels, settled, n, UNKNOWN);
        return labels;
    }

    /**
     * Labels every row of {@code down} for a horizon of {@code horizonSteps} samples.
     * Because an incident under way at some s in (t, t+H] either started in (t, s] or was already under way at t,
     * the rule equals "down somewhere in [t, t+H]". One backward pass, O(n).
     */
    public static byte[] label(boolean[] down, int horizonSteps) {
        if (horizonSteps < 1) {
            throw new IllegalArgumentException("horizon must be at least one sample, was " + horizonSteps);
        }
        int n = down.length;
        byte[] labels = new byte[n];
        int nextDown = Integer.MAX_VALUE;
        for (int t = n - 1; t >= 0; t--) {
            if (down[t]) {
                nextDown = t;
            }
            if (nextDown != Integer.MAX_VALUE && nextDown - t <= horizonSteps) {
                labels[t] = POSITIVE;
            } else if (horizonSteps > n - 1 - t) {
                labels[t] = UNKNOWN;
            } else {
                labels[t] = NEGATIVE;
            }
        }
        return labels;
    }
}

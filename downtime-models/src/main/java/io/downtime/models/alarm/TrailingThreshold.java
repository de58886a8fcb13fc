package io.downtime.models.alarm;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One instance's alarm threshold, read anew once a day from its own scores of the trailing window: the lowest that
 * would have kept it within the alert budget there, every score counted as normal (nothing is labelled). Only scores
 * added before are used, so the offline evaluation ({@link TrailingThresholds}) and the live predictor read the same
 * threshold from the same scores.
 * <p>
 * A live system scores more often than the data changes: scores less than {@code resolution} after the newest kept one
 * are merged into it by their maximum, which bounds the memory to one score per resolution of the window (and counts an
 * alarm within one resolution once, as the alert budget does). With a zero resolution every score is kept. Times are kept
 * to the second: 12 bytes a kept score. Not thread-safe: one owner feeds and reads it.
 */
public final class TrailingThreshold {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final AlertBudget alerts;
    private final String instance;
    private final long windowMillis;
    /** Scores less than this after the newest kept one merge into it: the resolution, and at least the second kept. */
    private final long mergeWithinMillis;
    private final double budget;
    /** Kept scores, oldest first, in a ring of {@code size} from {@code head}; times in seconds after {@code base}. */
    private int[] times = new int[16];
    private double[] scores = new double[16];
    private long base = Long.MIN_VALUE;
    private int head;
    private int size;
    private double threshold = Double.NaN;
    private long validUntil = Long.MIN_VALUE;

    /**
     * @param alerts     how false alarms are counted (horizon and the time between two kept scores)
     * @param instance   whose scores these are
     * @param window     how much of the recent scores a threshold is read from; at least a day
     * @param resolution scores closer than this to the newest kept one merge into it; zero keeps each
     * @param budget     false alarms allowed per day
     */
    public TrailingThreshold(AlertBudget alerts, String instance, Duration window, Duration resolution, double budget) {
        requireAtLeastADay(window);
        if (resolution.isNegative()) {
            throw new IllegalArgumentException("the resolution must not be negative, was " + resolution);
        }
        this.alerts = alerts;
        this.instance = instance;
        this.windowMillis = window.toMillis();
        this.mergeWithinMillis = Math.max(resolution.toMillis(), 1000);
        this.budget = budget;
    }

    /** Refuses a trailing window shorter than a day: a threshold is read once a day from the day before at least. */
    public static void requireAtLeastADay(Duration window) {
        if (window.toMillis() < DAY) {
            throw new IllegalArgumentException("the trailing window must be at least a day, was " + window);
        }
    }

    /**
     * The threshold in force at {@code time}: read anew from the scores of the window before it when the last reading
     * is a day old; 1 (never alarm) when the window holds no score. Times must not go back.
     */
    public double at(long time) {
        if (time >= validUntil) {
            threshold = readBefore(time);
            validUntil = time + DAY;
        }
        return threshold;
    }

    /** Adds a score at {@code time} (not before the newest one) and forgets scores older than the window. */
    public void add(long time, double score) {
        if (base == Long.MIN_VALUE) {
            base = Math.floorDiv(time, 1000);
        }
        if (size > 0) {
            int newest = (head + size - 1) % times.length;
            long newestTime = millis(times[newest]);
            if (time < newestTime) {
                throw new IllegalArgumentException("score at " + time + " before the newest one at " + newestTime);
            }
            if (time - newestTime < mergeWithinMillis) {
                scores[newest] = Math.max(scores[newest], score);
                return;
            }
        }
        long from = time - windowMillis;
        while (size > 0 && millis(times[head]) < from) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == times.length) {
            grow();
        }
        int slot = (head + size) % times.length;
        times[slot] = Math.toIntExact(Math.floorDiv(time, 1000) - base);
        scores[slot] = score;
        size++;
    }

    /** Time of the oldest kept score; empty when none is kept. */
    public OptionalLong oldest() {
        return size == 0 ? OptionalLong.empty() : OptionalLong.of(millis(times[head]));
    }

    private double readBefore(long time) {
        long from = time - windowMillis;
        int count = 0;
        double[] s = new double[size];
        long[] t = new long[size];
        for (int i = 0; i < size; i++) {
            long at = millis(times[(head + i) % times.length]);
            if (at >= from && at < time) {
                t[count] = at;
                s[count] = scores[(head + i) % times.length];
                count++;
            }
        }
        if (count == 0) {
            return 1.0;
        }
        return alerts.ownThreshold(instance, Arrays.copyOf(s, count), Arrays.copyOf(t, count), budget);
    }

    /** Writes what {@link #restore} reads back: the kept scores and the reading in force. */
    public void save(DataOutput out) throws IOException {
        out.writeLong(base);
        out.writeDouble(threshold);
        out.writeLong(validUntil);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeInt(times[(head + i) % times.length]);
            out.writeDouble(scores[(head + i) % times.length]);
        }
    }

    /** Reads back what {@link #save} wrote, into this empty threshold. */
    public void restore(DataInput in) throws IOException {
        if (size > 0) {
            throw new IllegalStateException("restore into a threshold that already keeps scores");
        }
        base = in.readLong();
        threshold = in.readDouble();
        validUntil = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > 10_000_000) {
            throw new IOException("a saved threshold of " + instance + " claims " + count + " scores");
        }
        times = new int[Math.max(16, count)];
        scores = new double[times.length];
        for (int i = 0; i < count; i++) {
            times[i] = in.readInt();
            scores[i] = in.readDouble();
        }
        head = 0;
        size = count;
    }

    private long millis(int seconds) {
        return (base + seconds) * 1000;
    }

    private void grow() {
        int[] t = new int[times.length * 2];
        double[] s = new double[times.length * 2];
        for (int i = 0; i < size; i++) {
            t[i] = times[(head + i) % times.length];
            s[i] = scores[(head + i) % times.length];
        }
        times = t;
        scores = s;
        head = 0;
    }
}

package io.downtime.predictor.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent fleet scores of each instance, for trend lines: at most {@code capacity} points an instance, and only
 * instances still being scored, so memory stays bounded.
 */
public final class RiskHistory {

    /** One score of an instance. */
    public record Point(Instant time, double probability) {
    }

    private final int capacity;
    /** Times of the last {@code capacity} fleet scorings, a ring; slot {@code i} of every instance's ring matches. */
    private final long[] times;
    /** Per instance, its probability at each scoring of the ring ({@code NaN} before it was first scored). */
    private final Map<String, double[]> byInstance = new HashMap<>();
    private int next;
    private int count;

    public RiskHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("risk history capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.times = new long[capacity];
    }

    /**
     * Records one fleet scoring: a probability per instance; instances not in it are forgotten. Eight bytes per
     * instance and point, so 10,000 instances of 240 points take 19 MB.
     */
    public synchronized void record(Instant time, Map<String, Double> probabilities) {
        byInstance.keySet().retainAll(probabilities.keySet());
        times[next] = time.toEpochMilli();
        probabilities.forEach((instance, probability) -> byInstance.computeIfAbsent(instance, i -> {
            double[] ring = new double[capacity];
            Arrays.fill(ring, Double.NaN);
            return ring;
        })[next] = probability);
        next = (next + 1) % capacity;
        count = Math.min(count + 1, capacity);
    }

    /** The points of {@code instance}, oldest first; empty when it is not being scored. */
    public synchronized Optional<List<Point>> of(String instance) {
        double[] ring = byInstance.get(instance);
        if (ring == null) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int slot = (next - count + i + capacity) % capacity;
            if (!Double.isNaN(ring[slot])) {
                points.add(new Point(Instant.ofEpochMilli(times[slot]), ring[slot]));
            }
        }
        return Optional.of(List.copyOf(points));
    }
}

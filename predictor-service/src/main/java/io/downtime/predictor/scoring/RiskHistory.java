package io.downtime.predictor.scoring;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
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
    private final Map<String, Deque<Point>> byInstance = new HashMap<>();

    public RiskHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("risk history capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records one fleet scoring: a probability per instance; instances not in it are forgotten. */
    public synchronized void record(Instant time, Map<String, Double> probabilities) {
        byInstance.keySet().retainAll(probabilities.keySet());
        probabilities.forEach((instance, probability) -> {
            Deque<Point> points = byInstance.computeIfAbsent(instance, i -> new ArrayDeque<>());
            if (points.size() == capacity) {
                points.removeFirst();
            }
            points.addLast(new Point(time, probability));
        });
    }

    /** The points of {@code instance}, oldest first; empty when it is not being scored. */
    public synchronized Optional<List<Point>> of(String instance) {
        Collection<Point> points = byInstance.get(instance);
        return points == null ? Optional.empty() : Optional.of(List.copyOf(points));
    }
}

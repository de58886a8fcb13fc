package io.downtime.predictor.scoring;

import io.downtime.predictor.client.RemoteCompactVectors;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vectors of the last fleet scoring, by instance: {@code POST /predict {"instance"}} answers from them without a
 * call to feature-service per request.
 */
@ApplicationScoped
public class LatestVectors {

    /**
     * An instance's vector as the last fleet scoring read it.
     *
     * @param schema    hash of its feature schema
     * @param timestamp time of the newest sample behind it
     * @param stale     that sample was older than two sample steps when it was read
     * @param values    the vector, in schema order
     */
    public record Vector(String instance, String schema, Instant timestamp, boolean stale, double[] values) {
    }

    private volatile Map<String, Vector> byInstance = Map.of();

    /** Replaces every vector with those of a new fleet read. */
    public void replace(List<Vector> vectors) {
        Map<String, Vector> next = new HashMap<>(vectors.size() * 2);
        for (Vector vector : vectors) {
            next.put(vector.instance(), vector);
        }
        byInstance = next;
    }

    /** Marks every vector stale: feature-service stopped answering, so they are the last ones known. */
    public void markStale() {
        Map<String, Vector> next = new HashMap<>(byInstance.size() * 2);
        byInstance.forEach((instance, v) -> next.put(instance,
                new Vector(instance, v.schema(), v.timestamp(), true, v.values())));
        byInstance = next;
    }

    public Optional<Vector> of(String instance) {
        return Optional.ofNullable(byInstance.get(instance));
    }

    /** The vectors of a compact read, decoded. */
    public static List<Vector> decode(RemoteCompactVectors read) {
        return read.vectors().stream()
                .map(v -> new Vector(v.instance(), read.schema(), v.timestamp(), v.stale(), v.decoded()))
                .toList();
    }
}

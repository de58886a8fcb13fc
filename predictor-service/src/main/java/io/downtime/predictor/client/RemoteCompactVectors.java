package io.downtime.predictor.client;

import io.downtime.features.Base64Columns;

import java.time.Instant;
import java.util.List;

/**
 * Every instance's newest vector from feature-service in its compact form ({@code GET /features/compact}): the names
 * once, each vector as Base64 float64 in schema order.
 */
public record RemoteCompactVectors(String schema, List<String> names, List<Vector> vectors) {

    /** One instance's vector; {@link #values()} decodes it. */
    public record Vector(String instance, Instant timestamp, boolean stale, String values) {

        public double[] decoded() {
            return Base64Columns.decodeDoubles(values);
        }
    }
}

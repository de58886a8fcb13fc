package io.downtime.predictor.client;

import java.time.Instant;
import java.util.Map;

/**
 * A feature vector from feature-service; null values are missing. {@code stale}: its newest sample is older than two
 * sample steps (the instance or the metric source stopped reporting).
 */
public record RemoteFeatureVector(String instance, Instant timestamp, String schema, boolean stale,
                                  Map<String, Double> features) {
}

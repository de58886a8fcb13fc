package io.downtime.predictor.client;

import java.time.Instant;
import java.util.Map;

/** A feature vector from feature-service; null values are missing. */
public record RemoteFeatureVector(String instance, Instant timestamp, String schema, Map<String, Double> features) {
}

package io.downtime.featureservice;

import java.time.Instant;
import java.util.Map;

/**
 * The features of an instance at one time.
 *
 * @param instance  the instance
 * @param timestamp time of the newest sample the vector uses
 * @param schema    hash of the feature schema
 * @param stale     the newest sample is older than two sample steps: the instance or its source stopped reporting
 * @param features  value by feature name, in schema order; null where the value is missing
 */
public record FeatureVector(String instance, Instant timestamp, String schema, boolean stale,
                            Map<String, Double> features) {
}

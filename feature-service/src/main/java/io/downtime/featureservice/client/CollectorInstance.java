package io.downtime.featureservice.client;

/** An instance the collector knows, as {@code GET /instances} lists it (the fields this service reads). */
public record CollectorInstance(String instance, int samples) {
}

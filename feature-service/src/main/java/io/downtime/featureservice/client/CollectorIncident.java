package io.downtime.featureservice.client;

/** An incident the collector knows, as {@code GET /incidents} lists it (the fields this service reads). */
public record CollectorIncident(String instance) {
}

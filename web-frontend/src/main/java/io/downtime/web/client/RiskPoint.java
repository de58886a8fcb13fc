package io.downtime.web.client;

import java.time.Instant;

/** One past fleet score of an instance. */
public record RiskPoint(Instant time, double probability) {
}

package io.downtime.featureservice.client;

import java.util.List;

/** The collector's signals: its source, the time between samples (Prometheus notation) and the signal names. */
public record CollectorSignals(String source, String step, List<String> signals) {
}

package io.downtime.collector;

import io.downtime.collector.config.CollectorConfig;

import io.downtime.features.InstanceSeries;

import java.util.List;
import java.util.Optional;

/** Where the collector's samples come from: the simulator, a Prometheus-API store, or a dataset replay. */
public interface MetricSource {

    /** Which kind of source it is. */
    CollectorConfig.Source kind();

    /** The signals this source appends, in order. */
    List<String> signals();

    /** Appends every sample due at {@code nowMillis} to {@code windows}; called about once a second. */
    void poll(long nowMillis, InstanceWindows windows);

    /**
     * Samples of one instance over {@code [fromMillis, toMillis]} read from the source itself, for ranges older than the
     * windows keep; empty when the source keeps no history of its own.
     */
    default Optional<InstanceSeries> history(String instance, long fromMillis, long toMillis) {
        return Optional.empty();
    }

    /** Whether the source answered its last poll; a source that cannot fail is always healthy. */
    default boolean healthy() {
        return true;
    }
}

package io.downtime.collector;

import java.util.List;

/** Where the collector's samples come from: the simulator, a Prometheus-API store, or a dataset replay. */
public interface MetricSource {

    /** Short name of the source, e.g. {@code simulator}. */
    String name();

    /** The signals this source appends, in order. */
    List<String> signals();

    /** Appends every sample due at {@code nowMillis} to {@code windows}; called about once a second. */
    void poll(long nowMillis, InstanceWindows windows);

    /** Whether the source answered its last poll; a source that cannot fail is always healthy. */
    default boolean healthy() {
        return true;
    }
}

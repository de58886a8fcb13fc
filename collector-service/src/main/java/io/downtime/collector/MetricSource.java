package io.downtime.collector;

import io.downtime.features.InstanceSeries;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the collector's samples come from. */
public interface MetricSource {

    /** Short name of the source, e.g. {@code simulator}. */
    String name();

    /** Time between two samples. */
    Duration step();

    /** The signal names every series carries, in order. */
    List<String> signals();

    /** Whether the source answered its last poll; a source that cannot fail is always healthy. */
    default boolean healthy() {
        return true;
    }

    /** The windows of all known instances, sorted by instance name. */
    List<RollingWindow> windows();

    /** The window of {@code instance}, when it is known. */
    default Optional<RollingWindow> window(String instance) {
        return windows().stream().filter(w -> w.instance().equals(instance)).findFirst();
    }

    /** Samples of {@code instance} with time in {@code [fromMillis, toMillis]}. */
    default Optional<InstanceSeries> series(String instance, long fromMillis, long toMillis) {
        return window(instance).map(w -> w.between(fromMillis, toMillis));
    }
}

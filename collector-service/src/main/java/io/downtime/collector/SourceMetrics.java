package io.downtime.collector;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/** Whether the metric source works, how fresh its data is and how many instances it has, on {@code /q/metrics}. */
@Startup
@ApplicationScoped
public class SourceMetrics {

    public SourceMetrics(MetricSource source, InstanceWindows windows, MeterRegistry meters) {
        Gauge.builder("downtime_collector_source_up", source, s -> s.healthy() ? 1 : 0)
                .description("1 when the metric source answered its last poll, else 0")
                .tag("source", source.kind().id()).register(meters);
        Gauge.builder("downtime_collector_last_sample_timestamp_seconds", windows, SourceMetrics::newestSampleSeconds)
                .description("Time of the newest sample of any instance, in Unix seconds")
                .tag("source", source.kind().id()).register(meters);
        Gauge.builder("downtime_collector_instances", windows, w -> w.all().size())
                .description("Instances the collector holds samples of")
                .tag("source", source.kind().id()).register(meters);
        Gauge.builder("downtime_collector_stored_bytes", windows, InstanceWindows::storedBytes)
                .description("Bytes the samples held in memory take, compressed (without object headers)")
                .register(meters);
        Gauge.builder("downtime_collector_stored_values", windows, InstanceWindows::storedValues)
                .description("Values held in memory: samples times signals")
                .register(meters);
        FunctionCounter.builder("downtime_collector_samples", windows, InstanceWindows::acceptedSamples)
                .description("Samples appended to the windows").tag("outcome", "accepted").register(meters);
        FunctionCounter.builder("downtime_collector_samples", windows, InstanceWindows::ignoredSamples)
                .description("Samples ignored because they were not newer than the instance's newest")
                .tag("outcome", "ignored").register(meters);
    }

    private static double newestSampleSeconds(InstanceWindows windows) {
        return windows.all().stream().map(RollingWindow::lastTimestamp)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong)
                .max().orElse(0) / 1000.0;
    }
}

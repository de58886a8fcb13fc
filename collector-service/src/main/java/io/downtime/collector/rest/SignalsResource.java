package io.downtime.collector.rest;

import io.downtime.collector.config.CollectorConfig;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.features.PrometheusDuration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The signals every sample carries, the source they come from and the time between samples. */
@Path("/signals")
@Produces(MediaType.APPLICATION_JSON)
public class SignalsResource {

    /**
     * @param source  name of the metric source
     * @param step    time between samples, Prometheus notation
     * @param signals    signal names in sample order: the source's, then the log counters
     * @param logSignals the log counters among them
     */
    public record Signals(CollectorConfig.Source source, String step, List<String> signals, List<String> logSignals) {
    }

    private final InstanceWindows windows;
    private final MetricSource source;

    public SignalsResource(InstanceWindows windows, MetricSource source) {
        this.windows = windows;
        this.source = source;
    }

    @GET
    public Signals signals() {
        return new Signals(source.kind(), PrometheusDuration.format(windows.step()), windows.signals(),
                windows.logSignals());
    }
}

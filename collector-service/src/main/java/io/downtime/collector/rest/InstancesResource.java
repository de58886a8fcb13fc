package io.downtime.collector.rest;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.collector.RollingWindow;
import io.downtime.features.Staleness;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The instances the collector knows. */
@Path("/instances")
@Produces(MediaType.APPLICATION_JSON)
public class InstancesResource {

    /**
     * @param instance   name of the instance
     * @param lastSample time of its newest sample, null before the first
     * @param up         whether the newest sample says it is up
     * @param samples    samples held in memory
     * @param stale      no new sample for more than two steps, or the source failed its last poll
     */
    public record InstanceStatus(String instance, Instant lastSample, boolean up, int samples, boolean stale) {
    }

    private final InstanceWindows windows;
    private final MetricSource source;
    private final Clock clock;

    public InstancesResource(InstanceWindows windows, MetricSource source, Clock clock) {
        this.windows = windows;
        this.source = source;
        this.clock = clock;
    }

    @GET
    public List<InstanceStatus> list() {
        return windows.all().stream().map(this::status).toList();
    }

    private InstanceStatus status(RollingWindow window) {
        Instant last = window.lastTimestamp().stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(null);
        boolean stale = !source.healthy() || last == null || Staleness.stale(last, clock.instant(), windows.step());
        return new InstanceStatus(window.instance(), last, !window.lastDown(), window.size(), stale);
    }
}

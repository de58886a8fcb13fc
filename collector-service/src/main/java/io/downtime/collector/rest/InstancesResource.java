package io.downtime.collector.rest;

import io.downtime.collector.MetricSource;
import io.downtime.collector.RollingWindow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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
     */
    public record InstanceStatus(String instance, Instant lastSample, boolean up, int samples) {
    }

    private final MetricSource source;

    public InstancesResource(MetricSource source) {
        this.source = source;
    }

    @GET
    public List<InstanceStatus> list() {
        return source.windows().stream().map(InstancesResource::status).toList();
    }

    private static InstanceStatus status(RollingWindow window) {
        Instant last = window.lastTimestamp().stream().mapToObj(Instant::ofEpochMilli).findFirst().orElse(null);
        return new InstanceStatus(window.instance(), last, !window.lastDown(), window.size());
    }
}

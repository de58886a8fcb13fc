package io.downtime.collector.rest;

import io.downtime.collector.simulator.SimulatorSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each simulated server as a node-exporter scrape target, so a real Prometheus can scrape the simulated fleet, and
 * the list of targets in Prometheus' HTTP service-discovery format. A down server answers 503, which Prometheus
 * records as {@code up == 0}.
 */
@Path("/sim/targets")
public class ScrapeTargetsResource {

    /** One target group of Prometheus' HTTP service discovery. */
    public record TargetGroup(List<String> targets, Map<String, String> labels) {
    }

    private final Optional<SimulatorSource> simulator;

    public ScrapeTargetsResource(Optional<SimulatorSource> simulator) {
        this.simulator = simulator;
    }

    /** For {@code http_sd_configs}: every simulated server, scraped at this collector, labelled with its name. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<TargetGroup> targets(@Context UriInfo uri) {
        String hostPort = uri.getBaseUri().getAuthority();
        return running().fleet().instances().stream()
                .map(instance -> new TargetGroup(List.of(hostPort), Map.of(
                        "__metrics_path__", "/sim/targets/" + instance + "/metrics", "instance", instance)))
                .toList();
    }

    @GET
    @Path("{instance}/metrics")
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics(@PathParam("instance") String instance) {
        SimulatorSource source = running();
        if (!source.fleet().knows(instance)) {
            throw new NotFoundException("no simulated server '" + instance + "'");
        }
        return source.fleet().scrape(instance)
                .orElseThrow(() -> new WebApplicationException("simulated server '" + instance + "' is down", 503));
    }

    private SimulatorSource running() {
        return simulator.orElseThrow(() ->
                new NotFoundException("the simulator is not running (collector.simulator.enabled=false)"));
    }
}

package io.downtime.collector.rest;

import io.downtime.collector.simulator.SimulatorSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;

import java.util.Optional;

/**
 * Each simulated server as a node-exporter scrape target, so a real Prometheus can scrape the simulated fleet. A down
 * server answers 503, which Prometheus records as {@code up == 0}.
 */
@Path("/sim/targets/{instance}/metrics")
public class ScrapeTargetsResource {

    private final Optional<SimulatorSource> simulator;

    public ScrapeTargetsResource(Optional<SimulatorSource> simulator) {
        this.simulator = simulator;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics(@PathParam("instance") String instance) {
        SimulatorSource source = simulator.orElseThrow(() ->
                new NotFoundException("the simulator is not running (collector.simulator.enabled=false)"));
        if (!source.fleet().knows(instance)) {
            throw new NotFoundException("no simulated server '" + instance + "'");
        }
        return source.fleet().scrape(instance)
                .orElseThrow(() -> new WebApplicationException("simulated server '" + instance + "' is down", 503));
    }
}

package io.downtime.collector.rest;

import io.downtime.collector.simulator.SimulatedHistory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.util.List;

/**
 * The simulated fleet's history, generated on request whatever the source ({@code collector.simulator.servers},
 * {@code .seed}, {@code .history}): what a predictor trains on while the real fleet has no incidents yet.
 */
@Path("/sim/history")
@Produces(MediaType.APPLICATION_JSON)
public class SimulatedHistoryResource {

    private final SimulatedHistory history;
    private final Clock clock;

    public SimulatedHistoryResource(SimulatedHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    /** Every simulated server's samples, with incidents, in the compact form of {@code GET /samples}. */
    @GET
    public List<SamplesResource.CompactSamples> samples() {
        return history.generate(clock.millis()).stream()
                .map(series -> SamplesResource.CompactSamples.of(series, history.step())).toList();
    }
}

package io.downtime.predictor.rest;

import io.downtime.predictor.scoring.FleetScoring;
import io.downtime.predictor.scoring.FleetScoring.FleetRisk;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/** The newest scores of the whole fleet, riskiest first. */
@Path("/predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionsResource {

    private final FleetScoring scoring;

    public PredictionsResource(FleetScoring scoring) {
        this.scoring = scoring;
    }

    @GET
    public FleetRisk latest() {
        return scoring.latest().orElseThrow(() -> new WebApplicationException(
                "the fleet has not been scored yet: the first model is still training", 503));
    }
}

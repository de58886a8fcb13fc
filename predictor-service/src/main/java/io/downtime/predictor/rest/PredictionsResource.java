package io.downtime.predictor.rest;

import io.downtime.predictor.scoring.FleetScoring;
import io.downtime.predictor.scoring.FleetScoring.FleetRisk;
import io.downtime.predictor.scoring.RiskHistory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

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

    /** The recent fleet scores of one instance, oldest first. */
    @GET
    @Path("{instance}/history")
    public List<RiskHistory.Point> history(@PathParam("instance") String instance) {
        return scoring.history(instance).orElseThrow(() -> new NotFoundException("instance '" + instance
                + "' is not being scored"));
    }
}

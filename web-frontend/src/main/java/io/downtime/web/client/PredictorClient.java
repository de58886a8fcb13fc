package io.downtime.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** predictor-service, as far as the web UI reads it. */
@Path("/")
@RegisterRestClient(configKey = "predictor")
public interface PredictorClient {

    @GET
    @Path("predictions")
    FleetRisk predictions();
}

package io.downtime.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** predictor-service, as far as the web UI reads and drives it. Model and job documents stay JSON trees. */
@Path("/")
@RegisterRestClient(configKey = "predictor")
public interface PredictorClient {

    @GET
    @Path("predictions")
    FleetRisk predictions();

    @GET
    @Path("predictions/{instance}/history")
    List<RiskPoint> history(@PathParam("instance") String instance);

    @POST
    @Path("predict")
    @Consumes(MediaType.APPLICATION_JSON)
    FleetRisk.InstanceRisk predict(JsonNode request);

    @GET
    @Path("models")
    List<JsonNode> models();

    @GET
    @Path("models/champion")
    JsonNode champion();

    @POST
    @Path("models/{version}/promote")
    JsonNode promote(@PathParam("version") String version);

    @POST
    @Path("models/rollback")
    JsonNode rollback();

    @POST
    @Path("models/train")
    JsonNode train();

    @GET
    @Path("jobs/{id}")
    JsonNode job(@PathParam("id") String id);
}

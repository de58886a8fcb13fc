package io.downtime.web.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * predictor-service, as far as the web UI reads and drives it. Model and job documents stay JSON trees. Admin
 * operations carry the admin token when one is configured.
 */
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
    FleetRisk.Prediction predict(JsonNode request);

    @GET
    @Path("models")
    List<JsonNode> models();

    @GET
    @Path("models/champion")
    JsonNode champion();

    @POST
    @Path("models/{version}/promote")
    @ClientHeaderParam(name = "Authorization", value = "{adminAuthorization}", required = false)
    JsonNode promote(@PathParam("version") String version);

    @POST
    @Path("models/rollback")
    @ClientHeaderParam(name = "Authorization", value = "{adminAuthorization}", required = false)
    JsonNode rollback();

    /** The algorithms the predictor trains, by their ids. */
    @GET
    @Path("models/algorithms")
    List<String> algorithms();

    /** Starts training; {@code request} is the JSON body, e.g. {@code {"algorithm": "svm"}}. */
    @POST
    @Path("models/train")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "Authorization", value = "{adminAuthorization}", required = false)
    JsonNode train(Map<String, String> request);

    @GET
    @Path("jobs/{id}")
    JsonNode job(@PathParam("id") String id);

    /** Alarms, newest first; {@code instance} and {@code state} (e.g. {@code unreviewed}) may be null. */
    @GET
    @Path("alarms")
    List<Alarm> alarms(@QueryParam("instance") String instance, @QueryParam("state") String state);

    /** Per model version: how operators judged its alarms. */
    @GET
    @Path("alarms/outcomes")
    List<AlarmOutcomes> alarmOutcomes();

    /** Records a review: {@code {"verdict": "confirmed" | "false-alarm", "note": "..."}}. */
    @POST
    @Path("alarms/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = "Authorization", value = "{adminAuthorization}", required = false)
    Alarm review(@PathParam("id") long id, Map<String, String> review);

    /** The admin token this UI was given ({@code downtime.admin-token}), forwarded on the operations that need it. */
    default String adminAuthorization() {
        return ConfigProvider.getConfig().getOptionalValue("downtime.admin-token", String.class)
                .filter(token -> !token.isBlank()).map(token -> "Bearer " + token).orElse(null);
    }
}

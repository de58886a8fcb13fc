package io.downtime.feature.rest;

import io.downtime.feature.FeatureService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Labelled training rows, streamed as CSV (never built in memory as one string). */
@Path("/training-set")
public class TrainingSetResource {

    public static final String SCHEMA_HEADER = "X-Feature-Schema";

    private final FeatureService features;

    public TrainingSetResource(FeatureService features) {
        this.features = features;
    }

    /** @param horizon prediction horizon the labels are built for, Prometheus notation (default 1h) */
    @GET
    @Produces("text/csv")
    public Response trainingSet(@QueryParam("horizon") @DefaultValue("1h") String horizon) {
        return Response.ok(features.trainingSet(horizon)).header(SCHEMA_HEADER, features.schema().hash()).build();
    }
}

package io.downtime.feature.rest;

import io.downtime.feature.FeatureService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Labelled training rows, streamed as CSV or JSON (never built in memory as one string). */
@Path("/training-set")
public class TrainingSetResource {

    public static final String SCHEMA_HEADER = "X-Feature-Schema";

    private final FeatureService features;

    public TrainingSetResource(FeatureService features) {
        this.features = features;
    }

    /**
     * @param horizon prediction horizon the labels are built for, Prometheus notation (default 1h)
     * @param from    start, ISO-8601; default: the configured training window back from the newest samples
     * @param to      end, ISO-8601 (with from); default: the newest samples
     * @param format  csv (default) or json
     */
    @GET
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response trainingSet(@QueryParam("horizon") @DefaultValue("1h") String horizon,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") @DefaultValue("csv") String format) {
        return Response.ok(features.trainingSet(horizon, from, to, format))
                .type("json".equals(format) ? MediaType.APPLICATION_JSON : "text/csv")
                .header(SCHEMA_HEADER, features.schema().hash()).build();
    }
}

package io.downtime.featureservice.rest;

import io.downtime.featureservice.FeatureService;
import io.downtime.featureservice.TrainingSetFormat;
import io.downtime.features.HistorySource;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.ServedId;
import io.downtime.features.TrainingSetCsv;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

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
     * @param maxRows most rows: whole instances are chosen until their rows reach it (default 100000; every instance
     *                with an incident up to half of it when there are more rows)
     * @param source  {@code fleet} (default) or {@code simulator}: the simulated fleet's history, for a cold start
     */
    @GET
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response trainingSet(@QueryParam("horizon") @DefaultValue("1h") String horizon,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("format") @DefaultValue("csv") String format,
                                @QueryParam("maxRows") @DefaultValue("100000") long maxRows,
                                @QueryParam("source") @DefaultValue("fleet") String source) {
        TrainingSetFormat chosen = ServedId.parse(TrainingSetFormat.class, format).orElseThrow(() -> new InvalidInputException("format",
                "format must be " + ServedId.ids(TrainingSetFormat.class) + ", was '" + format + "'"));
        HistorySource history = ServedId.parse(HistorySource.class, source).orElseThrow(() -> new InvalidInputException("source",
                "source must be " + ServedId.ids(HistorySource.class) + ", was '" + source + "'"));
        FeatureService.TrainingSet set = features.trainingSet(horizon, from, to, chosen, maxRows, history);
        StreamingOutput rows = set.rows()::writeTo;
        return Response.ok(rows)
                .type(chosen.mediaType())
                .header(SCHEMA_HEADER, features.schema().hash())
                .header(TrainingSetCsv.SAMPLING_HEADER, set.sampling())
                .header(TrainingSetCsv.STEP_HEADER, PrometheusDuration.format(set.step())).build();
    }
}

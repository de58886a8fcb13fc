package io.downtime.predictor.rest;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.PredictionService;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.predictor.scoring.FleetScoring;
import io.downtime.problem.DomainException;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores instances: {@code POST /predict} and {@code POST /predict/batch}. {@code ?explain=false} leaves out the
 * feature contributions (computing them is most of the cost of a prediction).
 */
@Path("/predict")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    /**
     * The body of {@code POST /predict} as clients write it (read token by token by {@link PredictRequestReader}).
     *
     * @param instance the server
     * @param features feature values by name (see {@code GET /models/champion}); absent: the latest from
     *                 feature-service; a null value or an absent name: missing
     */
    @Schema(name = "PredictRequest")
    public record PredictBody(String instance, Map<String, Double> features) {
    }

    private final PredictionService predictions;
    private final FleetScoring scoring;
    private final int batchLimit;
    private volatile PredictRequestReader reader;

    public PredictResource(PredictionService predictions, FleetScoring scoring, PredictorConfig config) {
        this.predictions = predictions;
        this.scoring = scoring;
        this.batchLimit = config.batchLimit();
    }

    @POST
    @RequestBody(required = true, description = "An instance, and optionally its features (null or absent: missing)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PredictBody.class),
                    examples = {@ExampleObject(name = "latest", value = "{\"instance\": \"web-1\"}"),
                            @ExampleObject(name = "what-if", value = "{\"instance\": \"web-1\", \"features\": "
                                    + "{\"memory_available_ratio_last\": 0.03}}")}))
    @APIResponse(responseCode = "200", description = "The prediction",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Prediction.class)))
    @APIResponse(responseCode = "409", description = "feature-service computes another feature schema than the "
            + "served model's", content = @Content(mediaType = "application/problem+json"))
    public Prediction predict(byte[] body, @QueryParam("explain") String explain) throws IOException {
        boolean explained = explained(explain);
        RegisteredModel model = predictions.model();
        return predict(model, reader(model).readOne(body), explained);
    }

    @POST
    @Path("batch")
    @RequestBody(required = true, description = "Up to predictor.batch-limit (1000) requests like POST /predict's",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PredictBody.class),
                    examples = @ExampleObject(name = "two", value = "[{\"instance\": \"web-1\"}, {\"instance\": \"db-2\"}]")))
    @APIResponse(responseCode = "200", description = "The predictions, in the order asked",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Prediction.class)))
    @APIResponse(responseCode = "409", description = "feature-service computes another feature schema than the "
            + "served model's", content = @Content(mediaType = "application/problem+json"))
    public List<Prediction> predictBatch(byte[] body, @QueryParam("explain") String explain) throws IOException {
        boolean explained = explained(explain);
        RegisteredModel model = predictions.model();
        List<PredictRequest> requests = reader(model).readBatch(body, batchLimit);
        List<Prediction> answers = new ArrayList<>(requests.size());
        for (PredictRequest request : requests) {
            answers.add(predict(model, request, explained));
        }
        return answers;
    }

    /** The reader for {@code model}'s schema: built once per schema, as it prepares every feature name. */
    private PredictRequestReader reader(RegisteredModel model) {
        PredictRequestReader cached = reader;
        if (cached == null || cached.schema() != model.model().schema()) {
            cached = new PredictRequestReader(model.model().schema());
            reader = cached;
        }
        return cached;
    }

    /** Without given features, the latest ones; while feature-service is down, the last fleet score, marked stale. */
    private Prediction predict(RegisteredModel model, PredictRequest request, boolean explain) {
        if (request.features() != null) {
            return predictions.predictGiven(model, request.instance(), request.features(), explain);
        }
        try {
            return predictions.predictLatest(model, request.instance(), explain);
        } catch (DomainException.DependencyUnavailable e) {
            return scoring.lastScore(request.instance()).orElseThrow(() -> e);
        }
    }

    private static boolean explained(String explain) {
        if (explain == null || explain.equals("true")) {
            return true;
        }
        if (explain.equals("false")) {
            return false;
        }
        throw new InvalidInputException("explain", "query parameter 'explain' must be true or false");
    }
}

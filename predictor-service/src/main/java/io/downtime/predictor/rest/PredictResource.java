package io.downtime.predictor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.PredictionService;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/** Scores instances: {@code POST /predict} and {@code POST /predict/batch}. */
@Path("/predict")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final PredictionService predictions;
    private final int batchLimit;

    public PredictResource(PredictionService predictions, PredictorConfig config) {
        this.predictions = predictions;
        this.batchLimit = config.batchLimit();
    }

    @POST
    public Prediction predict(JsonNode body) {
        return predict(PredictRequest.parse(body, ""));
    }

    @POST
    @Path("batch")
    public List<Prediction> predictBatch(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException(null, "expected a JSON array of requests like [{\"instance\": \"web-1\"}]");
        }
        if (body.size() > batchLimit) {
            throw new InvalidInputException(null, "a batch may hold at most " + batchLimit + " requests, got " + body.size());
        }
        List<PredictRequest> requests = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            requests.add(PredictRequest.parse(body.get(i), "[" + i + "]."));
        }
        return requests.stream().map(this::predict).toList();
    }

    private Prediction predict(PredictRequest request) {
        return request.features() == null
                ? predictions.predictLatest(request.instance())
                : predictions.predictGiven(request.instance(), request.features());
    }
}

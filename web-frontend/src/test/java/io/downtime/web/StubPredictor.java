package io.downtime.web;

import io.downtime.stub.ApiContract;
import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * predictor-service, collector-service and feature-service at the HTTP boundary: three scored instances, riskiest
 * first, one of them named like an attack on the page; web-3's history, samples and features; two model versions.
 */
public class StubPredictor implements QuarkusTestResourceLifecycleManager {

    static final String HOSTILE_NAME = "<script>alert('x')</script>\"db";
    /** When set, the fleet's scores are the last ones, feature-service having stopped answering. */
    static volatile boolean fleetStale;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body of the last POST /predict. */
    static volatile String lastPredictRequest;
    /** The body of the last {@code POST /alarms/7/review}. */
    static volatile String lastReviewRequest;

    private HttpStub stub;
    private HttpStub collector;
    private HttpStub features;

    @Override
    public Map<String, String> start() {
        String fleet = """
                {"scoredAt": "2026-01-02T00:00:30Z", "predictions": [
                 {"instance": "web-3", "probability": 0.91, "horizon": "1h", "risk": "high", "threshold": 0.3,
                  "thresholdSource": "model", "model": {"name": "xgboost", "version": "000002"},
                  "explanation": [{"feature": "memory_available_ratio_slope_60", "contribution": 2.1}],
                  "explanationMethod": "tree-shap", "featuresAt": "2026-01-02T00:00:00Z", "stale": false},
                 {"instance": "%s", "probability": 0.2, "horizon": "1h", "risk": "elevated", "threshold": 0.3,
                  "thresholdSource": "instance", "model": {"name": "xgboost", "version": "000002"},
                  "explanation": [{"feature": "<b>load</b>", "contribution": -0.4}],
                  "explanationMethod": "tree-shap", "featuresAt": "2026-01-02T00:00:00Z", "stale": false},
                 {"instance": "api-1", "probability": 0.01, "horizon": "1h", "risk": "low", "threshold": 0.3,
                  "thresholdSource": "model", "model": {"name": "xgboost", "version": "000002"}, "explanation": [],
                  "explanationMethod": "tree-shap", "featuresAt": "2026-01-02T00:00:00Z", "stale": true}],
                 "stale": false, "staleReason": null}
                """.formatted(HOSTILE_NAME.replace("\"", "\\\""));
        String prediction = """
                {"instance": "web-3", "probability": 0.91, "horizon": "1h", "risk": "high", "threshold": 0.3,
                 "thresholdSource": "model", "model": {"name": "xgboost", "version": "000002"},
                 "explanationMethod": "tree-shap",
                 "explanation": [{"feature": "memory_available_ratio_slope_60", "contribution": 2.1},
                                 {"feature": "load1_last", "contribution": -0.5}],
                 "featuresAt": "2026-01-02T00:00:00Z", "stale": false}""";
        String model = """
                {"version": "%s", "trainedOn": "%s", "algorithm": "xgboost", "horizon": "1h",
                 "createdAt": "2026-01-02T00:00:00Z", "featureSchema": "abc", "featureDefinition": "windows=5,15,60",
                 "featureNames": ["memory_available_ratio_slope_60", "load1_last"],
                 "sha256": {"model.json": "00ff"}, "trainingRows": "all 1000 rows",
                 "quality": {"prAuc": 0.81, "rocAuc": 0.93, "precision": 0.7, "recall": 0.6, "f1": 0.65,
                             "accuracy": 0.934, "threshold": 0.3, "falseAlarmsPerDay": 0.8, "alarmTimeShare": 0.087,
                             "trainSeconds": 2.5, "trainingRows": 4000, "trainingPositives": 400,
                             "validationRows": 1000, "validationPositives": 101, "observedDownRows": 12,
                             "trainingFrom": 1767225600000, "validationFrom": 1767312000000,
                             "validationTo": 1767398400000,
                             "confusion": {"truePositives": 61, "falsePositives": 26, "trueNegatives": 873, "falseNegatives": 40},
                             "precisionRecall": [[0.1, 1.0], [0.6, 0.7], [1.0, 0.1]],
                             "calibration": {"brier": 0.05, "reliability": [
                                 {"from": 0.0, "to": 0.5, "rows": 900, "meanPredicted": 0.04, "observed": 0.05},
                                 {"from": 0.5, "to": 1.0, "rows": 100, "meanPredicted": 0.7, "observed": 0.6}]},
                             "events": {"incidents": 9, "eventRecall": 0.889, "earlyRecall": 0.556, "medianLeadMinutes": 14.0}},
                 "importance": [{"feature": "memory_available_ratio_slope_60", "share": 0.4}]}""";
        String staleFleet = fleet.replace("\"stale\": false, \"staleReason\": null", "\"stale\": true, \"staleReason\": "
                + "\"feature-service did not answer the fleet scoring: Connection refused\"");
        stub = new HttpStub().honouring(ApiContract.of("predictor-service")).on("/predictions", uri -> HttpStub.Reply.json(fleetStale ? staleFleet : fleet))
                .on("/predictions/web-3/history", uri -> HttpStub.Reply.json(
                        "[{\"time\": \"2026-01-01T23:59:00Z\", \"probability\": 0.5},"
                                + " {\"time\": \"2026-01-02T00:00:00Z\", \"probability\": 0.91}]"))
                .onRequest("/predict", (uri, body) -> {
                    lastPredictRequest = body;
                    return HttpStub.Reply.json(whatIf(prediction, body));
                })
                .on("/models", uri -> HttpStub.Reply.json("[" + model.formatted("000002", "simulator") + "," + model.formatted("000001", "fleet") + "]"))
                .on("/models/champion", uri -> HttpStub.Reply.json(model.formatted("000002", "simulator")))
                .on("/models/algorithms", uri -> HttpStub.Reply.json("[\"xgboost\", \"random-forest\", \"svm\"]"))
                .on("/alarms/outcomes", uri -> HttpStub.Reply.json("[{\"modelVersion\": \"000002\", \"confirmed\": 3, "
                        + "\"falseAlarms\": 1, \"unreviewed\": 2, \"reviewedPrecision\": 0.75}]"))
                .on("/alarms", uri -> HttpStub.Reply.json("[" + ALARM.formatted("null") + "]"))
                .onRequest("/alarms/7/review", (uri, body) -> {
                    lastReviewRequest = body;
                    return HttpStub.Reply.json(ALARM.formatted("{\"verdict\": \"false-alarm\", \"note\": \"load test\", "
                            + "\"reviewedAt\": \"2026-01-02T00:10:00Z\"}"));
                })
                .on("/jobs/j1", uri -> HttpStub.Reply.json("""
                        {"id": "j1", "algorithm": "xgboost", "horizon": "1h", "state": "running", "phase": "training",
                         "percent": 40, "started": "2026-01-02T00:00:00Z", "finished": null, "result": null,
                         "error": null}"""));
        collector = new HttpStub().honouring(ApiContract.of("collector-service"))
                .on("/samples", uri -> HttpStub.Reply.json("""
                        [{"instance": "web-3", "step": "1m", "signals": ["load1", "log_errors"],
                          "timestamps": [0, 60000, 120000], "values": [[1.0, null, 3.0], [0.0, 5.0, 1.0]],
                          "observedDown": [false, true, false], "incidents": [false, true, false]}]"""))
                .on("/signals", uri -> HttpStub.Reply.json(
                        "{\"source\": \"simulator\", \"step\": \"1m\", \"signals\": [\"load1\", \"log_errors\"], "
                                + "\"logSignals\": [\"log_errors\"]}"));
        features = new HttpStub().honouring(ApiContract.of("feature-service")).on("/features/web-3", uri -> HttpStub.Reply.json("""
                {"instance": "web-3", "timestamp": "2026-01-02T00:00:00Z", "schema": "abc", "stale": false,
                 "features": {"memory_available_ratio_slope_60": -0.01, "load1_last": 3.5, "other": null}}"""));
        return Map.of("quarkus.rest-client.predictor.url", stub.url(),
                "quarkus.rest-client.collector.url", collector.url(),
                "quarkus.rest-client.features.url", features.url());
    }

    /**
     * The stub's model: given features, the probability is {@code load1_last / 10} (so a what-if answer shows the
     * value the page sent); by instance only, web-3's latest prediction (0.91).
     */
    private static String whatIf(String prediction, String body) {
        try {
            JsonNode given = JSON.readTree(body).path("features").path("load1_last");
            if (!given.isNumber()) {
                return prediction;
            }
            double probability = Math.min(1, given.asDouble() / 10);
            return prediction.replace("\"probability\": 0.91", "\"probability\": " + probability)
                    .replace("\"risk\": \"high\"", "\"risk\": \"" + (probability >= 0.3 ? "high"
                            : probability >= 0.15 ? "elevated" : "low") + "\"")
                    .replace("\"featuresAt\": \"2026-01-02T00:00:00Z\"", "\"featuresAt\": null");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** web-3's open alarm, with its review ({@code null} or an object) left to fill in. */
    static final String ALARM = """
            {"id": 7, "instance": "web-3", "horizon": "1h", "model": "xgboost", "modelVersion": "000002",
             "threshold": 0.3, "start": "2026-01-01T23:50:00Z", "lastHigh": "2026-01-02T00:00:00Z", "end": null,
             "peakProbability": 0.91, "reasons": [{"feature": "memory_available_ratio_slope_60", "contribution": 1.8}],
             "review": %s}""";

    HttpStub predictor() {
        return stub;
    }

    HttpStub collector() {
        return collector;
    }

    HttpStub features() {
        return features;
    }

    @Override
    public void stop() {
        stub.close();
        collector.close();
        features.close();
    }
}

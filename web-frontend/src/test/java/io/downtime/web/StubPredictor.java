package io.downtime.web;

import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * predictor-service, collector-service and feature-service at the HTTP boundary: three scored instances, riskiest
 * first, one of them named like an attack on the page; web-3's history, samples and features; two model versions.
 */
public class StubPredictor implements QuarkusTestResourceLifecycleManager {

    static final String HOSTILE_NAME = "<script>alert('x')</script>\"db";
    /** When set, the fleet's scores are the last ones, feature-service having stopped answering. */
    static volatile boolean fleetStale;

    private HttpStub stub;
    private HttpStub collector;
    private HttpStub features;

    @Override
    public Map<String, String> start() {
        String fleet = """
                {"scoredAt": "2026-01-02T00:00:30Z", "predictions": [
                 {"instance": "web-3", "probability": 0.91, "horizon": "1h", "risk": "high", "threshold": 0.3,
                  "model": {"name": "xgboost", "version": "000002"},
                  "explanation": [{"feature": "memory_available_ratio_slope_60", "contribution": 2.1}],
                  "featuresAt": "2026-01-02T00:00:00Z"},
                 {"instance": "%s", "probability": 0.2, "horizon": "1h", "risk": "elevated", "threshold": 0.3,
                  "model": {"name": "xgboost", "version": "000002"},
                  "explanation": [{"feature": "<b>load</b>", "contribution": -0.4}],
                  "featuresAt": "2026-01-02T00:00:00Z"},
                 {"instance": "api-1", "probability": 0.01, "horizon": "1h", "risk": "low", "threshold": 0.3,
                  "model": {"name": "xgboost", "version": "000002"}, "explanation": [],
                  "featuresAt": "2026-01-02T00:00:00Z", "stale": true}]}
                """.formatted(HOSTILE_NAME.replace("\"", "\\\""));
        String prediction = """
                {"instance": "web-3", "probability": 0.91, "horizon": "1h", "risk": "high", "threshold": 0.3,
                 "model": {"name": "xgboost", "version": "000002"}, "explanationMethod": "tree-path",
                 "explanation": [{"feature": "memory_available_ratio_slope_60", "contribution": 2.1},
                                 {"feature": "load1_last", "contribution": -0.5}],
                 "featuresAt": "2026-01-02T00:00:00Z"}""";
        String model = """
                {"version": "%s", "trainedOn": "%s", "algorithm": "xgboost", "horizon": "1h", "threshold": 0.3, "createdAt": "2026-01-02T00:00:00Z",
                 "quality": {"prAuc": 0.81, "precision": 0.7, "recall": 0.6, "f1": 0.65, "accuracy": 0.97, "trainingRows": 1000,
                             "confusion": {"truePositives": 61, "falsePositives": 26, "trueNegatives": 873, "falseNegatives": 40},
                             "precisionRecall": [[0.1, 1.0], [0.6, 0.7], [1.0, 0.1]],
                             "events": {"incidents": 9, "eventRecall": 0.889, "earlyRecall": 0.556, "medianLeadMinutes": 14.0}},
                 "importance": [{"feature": "memory_available_ratio_slope_60", "share": 0.4}]}""";
        String staleFleet = fleet.replaceFirst("\\{", "{\"stale\": true, \"staleReason\": "
                + "\"feature-service did not answer the fleet scoring: Connection refused\",");
        stub = new HttpStub().on("/predictions", uri -> HttpStub.Reply.json(fleetStale ? staleFleet : fleet))
                .on("/predictions/web-3/history", uri -> HttpStub.Reply.json(
                        "[{\"time\": \"2026-01-01T23:59:00Z\", \"probability\": 0.5},"
                                + " {\"time\": \"2026-01-02T00:00:00Z\", \"probability\": 0.91}]"))
                .on("/predict", uri -> HttpStub.Reply.json(prediction))
                .on("/models", uri -> HttpStub.Reply.json("[" + model.formatted("000002", "simulator") + "," + model.formatted("000001", "fleet") + "]"))
                .on("/models/champion", uri -> HttpStub.Reply.json(model.formatted("000002", "simulator")))
                .on("/models/algorithms", uri -> HttpStub.Reply.json("[\"xgboost\", \"random-forest\", \"svm\"]"))
                .on("/jobs/j1", uri -> HttpStub.Reply.json("""
                        {"id": "j1", "state": "running", "phase": "training", "percent": 40}"""));
        collector = new HttpStub()
                .on("/samples", uri -> HttpStub.Reply.json("""
                        [{"instance": "web-3", "step": "1m", "signals": ["load1", "log_errors"],
                          "timestamps": [0, 60000, 120000], "values": [[1.0, null, 3.0], [0.0, 5.0, 1.0]],
                          "observedDown": [false, true, false], "incidents": [false, true, false]}]"""))
                .on("/signals", uri -> HttpStub.Reply.json(
                        "{\"source\": \"simulator\", \"step\": \"1m\", \"signals\": [\"load1\", \"log_errors\"], "
                                + "\"logSignals\": [\"log_errors\"]}"));
        features = new HttpStub().on("/features/web-3", uri -> HttpStub.Reply.json("""
                {"instance": "web-3", "timestamp": "2026-01-02T00:00:00Z", "schema": "abc", "stale": false,
                 "features": {"memory_available_ratio_slope_60": -0.01, "load1_last": 3.5, "other": null}}"""));
        return Map.of("quarkus.rest-client.predictor.url", stub.url(),
                "quarkus.rest-client.collector.url", collector.url(),
                "quarkus.rest-client.features.url", features.url());
    }

    @Override
    public void stop() {
        stub.close();
        collector.close();
        features.close();
    }
}

package io.downtime.web;

import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * predictor-service at the HTTP boundary: three scored instances, riskiest first, one of them named like an
 * attack on the page.
 */
public class StubPredictor implements QuarkusTestResourceLifecycleManager {

    static final String HOSTILE_NAME = "<script>alert('x')</script>\"db";

    private HttpStub stub;

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
                  "featuresAt": "2026-01-02T00:00:00Z"}]}
                """.formatted(HOSTILE_NAME.replace("\"", "\\\""));
        stub = new HttpStub().on("/predictions", uri -> HttpStub.Reply.json(fleet));
        return Map.of("quarkus.rest-client.predictor.url", stub.url());
    }

    @Override
    public void stop() {
        stub.close();
    }
}

package io.downtime.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer the web UI's stubs give is one the real services could give: each is checked against the service's
 * committed contract (docs/api), every property present, no property or enumerated value of the stub's own.
 */
class StubContractTest {

    private static final StubPredictor STUBS = new StubPredictor();

    @BeforeAll
    static void start() {
        STUBS.start();
    }

    @AfterAll
    static void stop() {
        STUBS.stop();
    }

    @Test
    void thePredictorStubServesWhatPredictorServiceServes() {
        for (String path : new String[]{"/predictions", "/predictions/web-3/history", "/models", "/models/champion",
                "/models/algorithms", "/jobs/j1", "/alarms", "/alarms/outcomes"}) {
            STUBS.predictor().assertHonours("GET", path, null);
        }
        STUBS.predictor().assertHonours("POST", "/predict", "{\"instance\": \"web-3\"}");
        STUBS.predictor().assertHonours("POST", "/predict",
                "{\"instance\": \"web-3\", \"features\": {\"load1_last\": 1.0}}");
        STUBS.predictor().assertHonours("POST", "/alarms/7/review", "{\"verdict\": \"false-alarm\", \"note\": \"x\"}");
        StubPredictor.fleetStale = true;
        try {
            STUBS.predictor().assertHonours("GET", "/predictions", null);
        } finally {
            StubPredictor.fleetStale = false;
        }
    }

    @Test
    void theCollectorAndFeatureStubsServeWhatTheirServicesServe() {
        STUBS.collector().assertHonours("GET", "/signals", null);
        STUBS.collector().assertHonours("GET", "/samples?instance=web-3", null);
        STUBS.features().assertHonours("GET", "/features/web-3", null);
    }
}

package io.downtime.predictor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON answer of the feature-service stub is one feature-service could give: checked against its committed
 * contract (docs/api), every property present, no property or enumerated value of the stub's own.
 */
class StubContractTest {

    private static final StubFeatureService FEATURES = new StubFeatureService();

    @BeforeAll
    static void start() {
        FEATURES.start();
    }

    @AfterAll
    static void stop() {
        FEATURES.stop();
    }

    @Test
    void theFeatureStubServesWhatFeatureServiceServes() {
        for (String target : new String[]{"/features/schema", "/features/compact", "/features/srv-1",
                "/features/srv-4"}) {
            FEATURES.stub().assertHonours("GET", target, null);
        }
    }
}

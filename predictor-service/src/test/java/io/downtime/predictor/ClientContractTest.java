package io.downtime.predictor;

import io.downtime.predictor.client.RemoteCompactVectors;
import io.downtime.predictor.client.RemoteFeatureVector;
import io.downtime.predictor.client.RemoteSchema;
import io.downtime.stub.ApiContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The predictor's client records read only what feature-service serves, by name and type (its committed contract). */
class ClientContractTest {

    @Test
    void theFeatureRecordsReadWhatFeatureServiceServes() {
        ApiContract features = ApiContract.of("feature-service");
        assertEquals(List.of(), features.recordViolations(RemoteSchema.class, "SchemaView"));
        assertEquals(List.of(), features.recordViolations(RemoteFeatureVector.class, "FeatureVector"));
        assertEquals(List.of(), features.recordViolations(RemoteCompactVectors.class, "CompactVectors"));
    }
}

package io.downtime.web;

import io.downtime.stub.ApiContract;
import io.downtime.web.client.Alarm;
import io.downtime.web.client.AlarmOutcomes;
import io.downtime.web.client.CollectorClient;
import io.downtime.web.client.FeatureClient;
import io.downtime.web.client.FleetRisk;
import io.downtime.web.client.RiskPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The web UI's client records read only what the services serve, by name and type (their committed contracts). */
class ClientContractTest {

    @Test
    void thePredictorRecordsReadWhatPredictorServiceServes() {
        ApiContract predictor = ApiContract.of("predictor-service");
        assertEquals(List.of(), predictor.recordViolations(FleetRisk.class, "FleetRisk"));
        assertEquals(List.of(), predictor.recordViolations(FleetRisk.Prediction.class, "Prediction"));
        assertEquals(List.of(), predictor.recordViolations(RiskPoint.class, "Point"));
        assertEquals(List.of(), predictor.recordViolations(Alarm.class, "Alarm"));
        assertEquals(List.of(), predictor.recordViolations(AlarmOutcomes.class, "VersionOutcomes"));
        assertEquals(List.of(), predictor.recordViolations(Alarm.Review.class, "Review"));
        assertEquals(List.of(), predictor.recordViolations(Alarm.Reason.class, "Contribution"));
    }

    @Test
    void theCollectorAndFeatureRecordsReadWhatTheirServicesServe() {
        assertEquals(List.of(), ApiContract.of("collector-service")
                .recordViolations(CollectorClient.Signals.class, "Signals"));
        assertEquals(List.of(), ApiContract.of("feature-service")
                .recordViolations(FeatureClient.Vector.class, "FeatureVector"));
    }
}

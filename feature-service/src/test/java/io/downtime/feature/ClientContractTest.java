package io.downtime.feature;

import io.downtime.feature.client.CollectorFeed;
import io.downtime.feature.client.CollectorIncident;
import io.downtime.feature.client.CollectorInstance;
import io.downtime.feature.client.CollectorSignals;
import io.downtime.feature.client.CompactSamples;
import io.downtime.stub.ApiContract;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** feature-service's client records read only what collector-service serves, by name and type (its contract). */
class ClientContractTest {

    @Test
    void theCollectorRecordsReadWhatCollectorServiceServes() {
        ApiContract collector = ApiContract.of("collector-service");
        assertEquals(List.of(), collector.recordViolations(CollectorSignals.class, "Signals"));
        assertEquals(List.of(), collector.recordViolations(CollectorFeed.class, "Feed"));
        assertEquals(List.of(), collector.recordViolations(CollectorInstance.class, "InstanceStatus"));
        assertEquals(List.of(), collector.recordViolations(CollectorIncident.class, "Incident"));
        assertEquals(List.of(), collector.recordViolations(CompactSamples.class, "CompactSamples"));
    }
}

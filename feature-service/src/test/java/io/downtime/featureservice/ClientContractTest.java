package io.downtime.featureservice;

import io.downtime.featureservice.client.CollectorFeed;
import io.downtime.featureservice.client.CollectorIncident;
import io.downtime.featureservice.client.CollectorInstance;
import io.downtime.featureservice.client.CollectorSignals;
import io.downtime.featureservice.client.CompactSamples;
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

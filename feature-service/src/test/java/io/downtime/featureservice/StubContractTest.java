package io.downtime.featureservice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the collector stub is one collector-service could give: checked against its committed contract
 * (docs/api), every property present, no property or enumerated value of the stub's own.
 */
class StubContractTest {

    private static final StubCollector COLLECTOR = new StubCollector();

    @BeforeAll
    static void start() {
        COLLECTOR.start();
    }

    @AfterAll
    static void stop() {
        COLLECTOR.stop();
    }

    @Test
    void theCollectorStubServesWhatCollectorServiceServes() {
        for (String target : new String[]{"/signals", "/samples", "/samples?instance=srv-a",
                "/samples?instance=srv-a&format=compact", "/feed?lag=0", "/feed?lag=1440&after=3&epoch=stub-run",
                "/sim/history", "/instances", "/incidents"}) {
            COLLECTOR.stub().assertHonours("GET", target, null);
        }
    }
}

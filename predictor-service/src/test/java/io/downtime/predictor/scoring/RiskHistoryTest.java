package io.downtime.predictor.scoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskHistoryTest {

    @Test
    void keepsTheNewestPointsOfInstancesStillScored() {
        RiskHistory history = new RiskHistory(2);
        history.record(Instant.ofEpochSecond(1), Map.of("a", 0.1, "b", 0.5));
        history.record(Instant.ofEpochSecond(2), Map.of("a", 0.2, "b", 0.6));
        history.record(Instant.ofEpochSecond(3), Map.of("a", 0.3));
        assertEquals(List.of(new RiskHistory.Point(Instant.ofEpochSecond(2), 0.2),
                new RiskHistory.Point(Instant.ofEpochSecond(3), 0.3)), history.of("a").orElseThrow());
        assertTrue(history.of("b").isEmpty(), "b is no longer scored");
    }
}

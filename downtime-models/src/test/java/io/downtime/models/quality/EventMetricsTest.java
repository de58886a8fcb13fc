package io.downtime.models.quality;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EventMetricsTest {

    private static final long MINUTE = 60_000;

    @Test
    void catchesIncidentsWithinTheHorizonBeforeOnsetOrWhileUnderWay() {
        // one instance, one row a minute; incidents at 20-24, 40-44 and 60-64
        int n = 80;
        double[] scores = new double[n];
        boolean[] down = new boolean[n];
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int t = 0; t < n; t++) {
            instances[t] = "a";
            timestamps[t] = t * MINUTE;
            down[t] = t >= 20 && t < 25 || t >= 40 && t < 45 || t >= 60 && t < 65;
        }
        scores[8] = 0.9;   // 12 minutes before onset 20: outside H = 10
        scores[14] = 0.9;  // 6 minutes before onset 20: caught early, lead 6
        scores[42] = 0.9;  // 2 minutes into the incident at 40: caught late, lead -2
        EventMetrics metrics = EventMetrics.of(scores, down, instances, timestamps, 0.5, Duration.ofMinutes(10));
        assertEquals(3, metrics.incidents());
        assertEquals(2 / 3.0, metrics.eventRecall(), 1e-12);
        assertEquals(1 / 3.0, metrics.earlyRecall(), 1e-12);
        assertEquals(2.0, metrics.medianLeadMinutes(), 1e-12, "median of 6 and -2");
    }

    @Test
    void countsIncidentsAsRunsOfOneInstanceInTimeOrder() {
        // a: incident rows at minutes 1-2 and 4 (given out of order); b: one at minute 0, which does not join a's
        boolean[] down = {true, true, false, true, true, false};
        String[] instances = {"a", "a", "a", "a", "b", "b"};
        long[] timestamps = {120_000, 60_000, 180_000, 240_000, 0, 60_000};
        assertEquals(3, EventMetrics.count(down, instances, timestamps));
        assertEquals(0, EventMetrics.count(new boolean[2], new String[]{"a", "a"}, new long[]{0, 60_000}));
    }

    @Test
    void noIncidentsMeansNoFigures() {
        EventMetrics metrics = EventMetrics.of(new double[]{0.9}, new boolean[1], new String[]{"a"}, new long[]{0}, 0.5,
                Duration.ofMinutes(10));
        assertEquals(0, metrics.incidents());
        assertNull(metrics.eventRecall());
        assertNull(metrics.medianLeadMinutes());
    }
}

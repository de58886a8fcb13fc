package io.downtime.collector;

import io.downtime.features.InstanceSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IncidentsTest {

    private static boolean[] down(String pattern) {
        boolean[] down = new boolean[pattern.length()];
        for (int i = 0; i < down.length; i++) {
            down[i] = pattern.charAt(i) == 'D';
        }
        return down;
    }

    @Test
    void shortRunsThatEndedAreNotIncidentsButOneStillUnderWayIs() {
        assertArrayEquals(down("....DDD.....D"), Incidents.withoutShortRuns(down(".D..DDD.DD..D"), 3));
        assertArrayEquals(down(".D."), Incidents.withoutShortRuns(down(".D."), 1));
    }

    @Test
    void listsIncidentsWithTheirStartAndEnd() {
        long[] timestamps = {0, 60_000, 120_000, 180_000, 240_000};
        InstanceSeries series = InstanceSeries.observed("x", timestamps, List.of("a"), new double[1][5], down(".DD.D"));
        List<Incidents.Incident> incidents = Incidents.of(series);
        assertEquals(List.of(
                Incidents.Incident.ofSamples("x", Instant.ofEpochMilli(60_000), Instant.ofEpochMilli(180_000)),
                Incidents.Incident.ofSamples("x", Instant.ofEpochMilli(240_000), null)), incidents);
    }
}

package io.downtime.collector;

import io.downtime.features.InstanceSeries;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingWindowTest {

    @Test
    void keepsOnlyTheNewestSamplesOnceFull() {
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 3);
        for (int t = 1; t <= 5; t++) {
            window.append(t * 1000L, new double[]{t / 10.0}, t == 4, t == 4);
        }
        InstanceSeries series = window.between(0, Long.MAX_VALUE);
        assertEquals(3, window.size());
        assertArrayEquals(new long[]{3000, 4000, 5000}, series.timestamps());
        assertArrayEquals(new double[]{0.3, 0.4, 0.5}, series.values()[0], 1e-7, "stored as float");
        assertArrayEquals(new boolean[]{false, true, false}, series.observedDown());
        assertArrayEquals(new boolean[]{false, true, false}, series.incidents());
        assertEquals(5000, window.lastTimestamp().getAsLong());
    }

    @Test
    void keepsWhatTheSourceObservedApartFromTheIncidentLabels() {
        RollingWindow window = new RollingWindow("omi-1", List.of("cpu"), 3);
        window.append(1000, new double[]{1}, false, true);
        window.append(2000, new double[]{1}, true, false);
        InstanceSeries series = window.between(0, Long.MAX_VALUE);
        assertArrayEquals(new boolean[]{false, true}, series.observedDown());
        assertArrayEquals(new boolean[]{true, false}, series.incidents());
        assertTrue(window.lastDown(), "the newest sample was observed down");
    }

    @Test
    void selectsTheSamplesOfATimeRangeInclusive() {
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 10);
        for (int t = 1; t <= 6; t++) {
            window.append(t * 1000L, new double[]{t}, false, false);
        }
        assertArrayEquals(new long[]{2000, 3000, 4000}, window.between(2000, 4000).timestamps());
        assertEquals(0, window.between(7000, 9000).length());
    }

    @Test
    void ignoresSamplesThatAreNotNewerAndRejectsMisshapenOnes() {
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 10);
        assertTrue(window.append(2000, new double[]{1}, false, false));
        assertFalse(window.append(2000, new double[]{5}, true, true));
        assertFalse(window.append(1000, new double[]{5}, true, true));
        assertEquals(1, window.size());
        assertArrayEquals(new double[]{1}, window.between(0, Long.MAX_VALUE).values()[0]);
        assertThrows(IllegalArgumentException.class, () -> window.append(3000, new double[]{1, 2}, false, false));
    }

    @Test
    void anEmptyWindowHasNoLastSample() {
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 10);
        assertTrue(window.lastTimestamp().isEmpty());
        assertEquals(0, window.between(0, Long.MAX_VALUE).length());
    }
}

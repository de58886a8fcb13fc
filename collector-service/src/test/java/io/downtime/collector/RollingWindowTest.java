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
    void keepsExactlyTheNewestSamplesAcrossCompressedChunks() {
        int capacity = 300;
        RollingWindow window = new RollingWindow("web-1", List.of("cpu", "mem"), capacity);
        int appended = 1000;
        for (int t = 0; t < appended; t++) {
            window.append(60_000L * t, new double[]{Math.sin(t) * 3.3, t % 11 == 0 ? Double.NaN : t}, t % 13 == 0,
                    t % 29 == 0);
        }
        InstanceSeries series = window.between(0, Long.MAX_VALUE);
        assertEquals(capacity, series.length());
        for (int i = 0; i < capacity; i++) {
            int t = appended - capacity + i;
            assertEquals(60_000L * t, series.timestamps()[i]);
            assertEquals((float) (Math.sin(t) * 3.3), series.values()[0][i], 0.0, "exactly the float at " + t);
            assertEquals(t % 11 == 0 ? Double.NaN : t, series.values()[1][i], 0.0);
            assertEquals(t % 13 == 0, series.observedDown()[i]);
            assertEquals(t % 29 == 0, series.incidents()[i]);
        }
        assertEquals(60_000L * (appended - capacity), window.firstTimestamp().getAsLong());
        assertArrayEquals(new long[]{60_000L * 800, 60_000L * 801}, window.between(60_000L * 800, 60_000L * 801).timestamps());
        long plain = (long) (capacity + RollingWindow.CHUNK) * (Long.BYTES + 2 + 2 * Float.BYTES);
        assertTrue(window.storedBytes() < plain * 2 / 3, "compressed: " + window.storedBytes() + " bytes of " + plain);
    }

    @Test
    void givesWhatWasAppendedSinceASequenceNumberWithTheValuesALagEarlier() {
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 500, sequence);
        for (int t = 0; t < 400; t++) {
            window.append(1000L * t, new double[]{t}, t == 399, false);
        }
        RollingWindow.Recent all = window.since(0, 50, 100);
        assertTrue(all.reset(), "from the start: the newest samples, as a reset");
        assertEquals(50, all.length());
        assertEquals(350_000, all.timestamps()[0]);
        assertEquals(350f, all.values()[0][0]);
        assertEquals(250f, all.lagged()[0][0], "100 samples earlier");
        assertTrue(all.observedDown()[49]);

        long cursor = sequence.get();
        assertEquals(0, window.since(cursor, 50, 100).length(), "nothing new");
        window.append(400_000, new double[]{400}, false, false);
        window.append(401_000, new double[]{401}, false, false);
        RollingWindow.Recent fresh = window.since(cursor, 50, 390);
        assertFalse(fresh.reset());
        assertArrayEquals(new long[]{400_000, 401_000}, fresh.timestamps());
        assertEquals(10f, fresh.lagged()[0][0]);
        assertEquals(11f, fresh.lagged()[0][1]);
        assertTrue(Float.isNaN(window.since(cursor, 50, 402).lagged()[0][0]), "before the first sample");

        for (int t = 402; t < 402 + RollingWindow.RECENT + 1; t++) {
            window.append(1000L * t, new double[]{t}, false, false);
        }
        assertTrue(window.since(cursor, 1000, 0).reset(), "more appended than remembered: start over");
        assertTrue(window.since(sequence.get() - 20, 10, 0).reset(), "more new samples than the limit: start over");
        assertEquals(10, window.since(sequence.get() - 10, 10, 0).length());
    }

    @Test
    void anEmptyWindowHasNoLastSample() {
        RollingWindow window = new RollingWindow("web-1", List.of("cpu"), 10);
        assertTrue(window.lastTimestamp().isEmpty());
        assertEquals(0, window.between(0, Long.MAX_VALUE).length());
    }
}

package io.downtime.features;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstanceSeriesTest {

    private static final double NaN = Double.NaN;

    private static InstanceSeries series(long[] timestamps, List<String> signals, double[][] values, boolean[] down) {
        return InstanceSeries.observed("web-1", timestamps, signals, values, down);
    }

    @Test
    void acceptsAConsistentSeries() {
        InstanceSeries series = series(new long[]{0, 60_000, 120_000}, List.of("cpu", "mem"),
                new double[][]{{1, 2, 3}, {4, NaN, 6}}, new boolean[]{false, true, false});
        assertEquals(3, series.length());
        assertArrayEquals(new double[]{4, NaN, 6}, series.valuesOf("mem"));
    }

    @Test
    void anEmptySeriesIsValid() {
        assertEquals(0, series(new long[0], List.of("cpu"), new double[][]{{}}, new boolean[0]).length());
    }

    @Test
    void rejectsRepeatedTimestampsNamingTheInstanceAndIndex() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 60_000, 60_000}, List.of("cpu"), new double[][]{{1, 2, 3}}, new boolean[3]));
        assertTrue(error.getMessage().contains("web-1") && error.getMessage().contains("index 2"), error.getMessage());
    }

    @Test
    void rejectsDecreasingTimestamps() {
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 120_000, 60_000}, List.of("cpu"), new double[][]{{1, 2, 3}}, new boolean[3]));
    }

    @Test
    void rejectsAValueRowShorterOrLongerThanTheTimestamps() {
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 1, 2}, List.of("cpu", "mem"), new double[][]{{1, 2, 3}, {1, 2}}, new boolean[3]));
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 1, 2}, List.of("cpu"), new double[][]{{1, 2, 3, 4}}, new boolean[3]));
    }

    @Test
    void rejectsDownFlagsOfAnotherLength() {
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 1, 2}, List.of("cpu"), new double[][]{{1, 2, 3}}, new boolean[2]));
    }

    @Test
    void rejectsAsManyValueRowsAsSignalsOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 1}, List.of("cpu", "mem"), new double[][]{{1, 2}}, new boolean[2]));
        assertThrows(IllegalArgumentException.class,
                () -> series(new long[]{0, 1}, List.of("cpu"), new double[][]{{1, 2}, {3, 4}}, new boolean[2]));
    }

    @Test
    void aSignalTheSeriesDoesNotCarryIsEntirelyMissing() {
        InstanceSeries series = series(new long[]{0, 1}, List.of("cpu"), new double[][]{{1, 2}}, new boolean[2]);
        assertArrayEquals(new double[]{NaN, NaN}, series.valuesOf("disk"));
    }
}

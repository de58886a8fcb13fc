package io.downtime.web.charts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartsTest {

    @Test
    void aTimeChartHasATimeAxis() {
        long start = 1_764_684_000_000L; // 2025-12-02T14:00:00Z
        long[] times = {start, start + 30 * 60_000L, start + 60 * 60_000L};
        String chart = SvgCharts.lineChart("cpu", times, new double[]{1, 2, 3}, new boolean[3], false);
        assertTrue(chart.contains(">14:00</text>"), chart);
        assertTrue(chart.contains(">14:30</text>"), chart);
        assertTrue(chart.contains(">15:00 UTC</text>"), chart);
        long[] days = {start, start + 2 * 86_400_000L};
        String long_ = SvgCharts.lineChart("cpu", days, new double[]{1, 2}, null, false);
        assertTrue(long_.contains(">12-04 14:00 UTC</text>"), "dates when it spans days: " + long_);
        assertFalse(SvgCharts.lineChart("cpu", new long[]{start}, new double[]{1}, null, false).contains("UTC"),
                "one sample has no span to label");
    }
}

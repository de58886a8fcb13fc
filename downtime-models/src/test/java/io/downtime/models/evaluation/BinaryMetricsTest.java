package io.downtime.models.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryMetricsTest {

    @Test
    void prAucIsTheAveragePrecisionAtEachPositive() {
        assertEquals(1.0, BinaryMetrics.prAuc(new double[]{0.9, 0.8, 0.1}, new byte[]{1, 1, 0}), 1e-12);
        // positives at ranks 1 and 3: (1/1 + 2/3) / 2
        assertEquals((1 + 2 / 3.0) / 2, BinaryMetrics.prAuc(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}), 1e-12);
        // a tie of a positive and a negative at the top is one step: precision 1/2 there
        assertEquals(0.5, BinaryMetrics.prAuc(new double[]{0.9, 0.9, 0.1}, new byte[]{1, 0, 0}), 1e-12);
        assertTrue(Double.isNaN(BinaryMetrics.prAuc(new double[]{0.5}, new byte[]{0})));
    }

    @Test
    void rocAucIsTheChanceAPositiveOutranksANegative() {
        assertEquals(1.0, BinaryMetrics.rocAuc(new double[]{0.9, 0.1}, new byte[]{1, 0}), 1e-12);
        // pairs (positive, negative): (0.9, 0.8) yes, (0.9, 0.6) yes, (0.7, 0.8) no, (0.7, 0.6) yes → 3/4
        assertEquals(0.75, BinaryMetrics.rocAuc(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}), 1e-12);
        assertEquals(0.5, BinaryMetrics.rocAuc(new double[]{0.5, 0.5}, new byte[]{1, 0}), 1e-12, "a tie counts half");
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(new double[]{0.5}, new byte[]{1})));
    }

    @Test
    void confusionCountsAndTheFiguresFromThem() {
        BinaryMetrics.Confusion confusion = BinaryMetrics.Confusion.at(new double[]{0.9, 0.8, 0.4, 0.2},
                new byte[]{1, 0, 1, 0}, 0.5);
        assertEquals(new BinaryMetrics.Confusion(1, 1, 1, 1), confusion);
        assertEquals(0.5, confusion.precision());
        assertEquals(0.5, confusion.recall());
        assertEquals(0.5, confusion.f1());
        assertEquals(0.5, confusion.accuracy());
    }

    @Test
    void theCurveRunsFromTheHighestThresholdAndIsThinned() {
        List<double[]> curve = BinaryMetrics.precisionRecallCurve(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}, 10);
        assertArrayEquals(new double[]{0.5, 1.0}, curve.get(0), 1e-12);
        assertArrayEquals(new double[]{1.0, 0.5}, curve.get(3), 1e-12);
        assertEquals(2, BinaryMetrics.precisionRecallCurve(new double[]{0.9, 0.8, 0.7, 0.6}, new byte[]{1, 0, 1, 0}, 2).size());
    }
}

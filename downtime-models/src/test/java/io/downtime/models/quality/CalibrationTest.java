package io.downtime.models.quality;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalibrationTest {

    @Test
    void brierScoreAndBinsByHand() {
        double[] p = {0.05, 0.15, 0.12, 0.95, 1.0};
        byte[] y = {0, 0, 1, 1, 1};
        Calibration calibration = Calibration.of(p, y, 10);
        // (0.05² + 0.15² + 0.88² + 0.05² + 0²) / 5
        assertEquals((0.0025 + 0.0225 + 0.7744 + 0.0025) / 5, calibration.brier(), 1e-12);
        assertEquals(3, calibration.reliability().size());
        Calibration.Bin low = calibration.reliability().get(0);
        assertEquals(1, low.rows());
        assertEquals(0.0, low.observed());
        Calibration.Bin second = calibration.reliability().get(1);
        assertEquals(2, second.rows());
        assertEquals(0.135, second.meanPredicted(), 1e-12);
        assertEquals(0.5, second.observed());
        Calibration.Bin top = calibration.reliability().get(2);
        assertEquals(0.9, top.from(), 1e-12);
        assertEquals(2, top.rows(), "a probability of exactly 1 belongs to the last bin");
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new double[]{0.2, Double.NaN}, new byte[]{0, 1}, 10));
        assertEquals("row 1 has probability NaN, outside [0, 1]", e.getMessage());
    }
}

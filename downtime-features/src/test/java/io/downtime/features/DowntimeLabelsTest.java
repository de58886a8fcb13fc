package io.downtime.features;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static io.downtime.features.DowntimeLabels.NEGATIVE;
import static io.downtime.features.DowntimeLabels.POSITIVE;
import static io.downtime.features.DowntimeLabels.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DowntimeLabelsTest {

    private static boolean[] down(String pattern) {
        boolean[] down = new boolean[pattern.length()];
        for (int i = 0; i < down.length; i++) {
            down[i] = pattern.charAt(i) == 'D';
        }
        return down;
    }

    @Test
    void anOnsetExactlyAtTPlusHIsWithinTheHorizonOneStepLaterIsNot() {
        byte[] labels = DowntimeLabels.label(down("......D..."), 3);
        assertEquals(NEGATIVE, labels[2], "onset at t+4");
        assertEquals(POSITIVE, labels[3], "onset at t+3 = t+H");
        assertEquals(POSITIVE, labels[6], "under way");
        assertEquals(UNKNOWN, labels[7], "horizon past the end, nothing seen");
    }

    @Test
    void backToBackIncidentsAndIncidentsAtBothEnds() {
        assertArrayEquals(new byte[]{1, 1, 1, 1, 1, 1, 1, 1}, DowntimeLabels.label(down("DD.DD..D"), 2));
        assertArrayEquals(new byte[]{1, 0, 0, 1, 1, 1, -1}, DowntimeLabels.label(down("D....D."), 2));
    }

    @Test
    void matchesTheDefinitionOnRandomData() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            boolean[] down = new boolean[30];
            for (int i = 0; i < down.length; i++) {
                down[i] = random.nextDouble() < 0.15;
            }
            int h = 1 + random.nextInt(6);
            byte[] labels = DowntimeLabels.label(down, h);
            for (int t = 0; t < down.length; t++) {
                boolean positive = down[t];
                for (int s = t + 1; s <= t + h && s < down.length; s++) {
                    positive |= down[s] && !down[s - 1];
                }
                byte expected = positive ? POSITIVE : t + h > down.length - 1 ? UNKNOWN : NEGATIVE;
                assertEquals(expected, labels[t], "t=" + t + " h=" + h);
            }
        }
    }

    @Test
    void aHorizonBelowOneSampleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DowntimeLabels.label(new boolean[3], 0));
    }
}

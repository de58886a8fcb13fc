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
    void rowsWhoseHorizonRunsPastTheEndAreUnknownUnlessTheySeeAnIncident() {
        // n = 8, H = 3: rows 5, 6 and 7 look past the last row 7.
        assertArrayEquals(new byte[]{NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, UNKNOWN, UNKNOWN, UNKNOWN},
                DowntimeLabels.label(down("........"), 3));
        // An incident at the very end: rows 4 to 7 see it within the data, so they are known to be positive.
        assertArrayEquals(new byte[]{NEGATIVE, NEGATIVE, NEGATIVE, NEGATIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE},
                DowntimeLabels.label(down(".......D"), 3));
        // Row 5 sees the incident at 6; row 7, after it, sees nothing and its horizon runs past the end.
        assertArrayEquals(new byte[]{NEGATIVE, NEGATIVE, NEGATIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE, UNKNOWN},
                DowntimeLabels.label(down("......D."), 3));
    }

    @Test
    void anIncidentAtTheVeryStartIsPositiveWhileUnderWayAndNotBefore() {
        // Nothing precedes row 0, so the rows after the incident are negative once their horizons are clear of it.
        assertArrayEquals(new byte[]{POSITIVE, POSITIVE, NEGATIVE, NEGATIVE, NEGATIVE, UNKNOWN, UNKNOWN},
                DowntimeLabels.label(down("DD....."), 2));
    }

    @Test
    void theSampleBetweenBackToBackIncidentsIsPositiveBecauseTheSecondStartsWithinItsHorizon() {
        // Incidents at 2-3 and 5-6, one up sample (4) between them; H = 1.
        assertArrayEquals(new byte[]{NEGATIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE, POSITIVE, NEGATIVE,
                UNKNOWN}, DowntimeLabels.label(down("..DD.DD.."), 1));
    }

    @Test
    void aHorizonLongerThanTheDataLeavesOnlyIncidentsKnown() {
        assertArrayEquals(new byte[]{UNKNOWN, UNKNOWN, UNKNOWN}, DowntimeLabels.label(down("..."), 5));
        assertArrayEquals(new byte[]{POSITIVE, POSITIVE, UNKNOWN}, DowntimeLabels.label(down(".D."), 5));
        // The largest horizon an int holds must not overflow into "the horizon ends within the data".
        assertArrayEquals(new byte[]{UNKNOWN, UNKNOWN, UNKNOWN}, DowntimeLabels.label(down("..."), Integer.MAX_VALUE));
        assertArrayEquals(new byte[]{POSITIVE, POSITIVE, UNKNOWN},
                DowntimeLabels.label(down(".D."), Integer.MAX_VALUE));
    }

    @Test
    void noDataGivesNoLabels() {
        assertArrayEquals(new byte[0], DowntimeLabels.label(new boolean[0], 3));
    }

    @Test
    void matchesTheDefinitionOnRandomData() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            // Short series and horizons up to longer than the series, so every edge occurs many times.
            boolean[] down = new boolean[random.nextInt(40)];
            double incidentShare = random.nextDouble(0.4);
            for (int i = 0; i < down.length; i++) {
                down[i] = random.nextDouble() < incidentShare;
            }
            int h = 1 + random.nextInt(45);
            assertArrayEquals(byDefinition(down, h), DowntimeLabels.label(down, h), "h=" + h);
        }
    }

    /**
     * The rule as stated, computed the slow way: positive when down at t or an incident starts in (t, t+H]; else
     * unknown when t+H lies past the last row, else negative. An incident starts at s when down[s] and not down[s-1].
     */
    private static byte[] byDefinition(boolean[] down, int h) {
        byte[] labels = new byte[down.length];
        for (int t = 0; t < down.length; t++) {
            boolean positive = down[t];
            for (long s = t + 1L; s <= t + (long) h && s < down.length; s++) {
                positive |= down[(int) s] && !down[(int) s - 1];
            }
            labels[t] = positive ? POSITIVE : t + (long) h > down.length - 1 ? UNKNOWN : NEGATIVE;
        }
        return labels;
    }

    @Test
    void aHorizonBelowOneSampleIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DowntimeLabels.label(new boolean[3], 0));
        assertThrows(IllegalArgumentException.class, () -> DowntimeLabels.label(new boolean[3], -1));
    }

    @Test
    void aDownRunStillObservedAtTheEndLeavesTheRowsThatDependOnItUnknown() {
        boolean[] incidents = down("D.....DD");
        boolean[] observed = down("......DD");
        assertArrayEquals(new byte[]{POSITIVE, NEGATIVE, NEGATIVE, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN},
                DowntimeLabels.label(incidents, observed, 3), "it may still end too short to be an incident");
        boolean[] ended = down("......D.");
        assertArrayEquals(DowntimeLabels.label(ended, 3), DowntimeLabels.label(ended, ended, 3),
                "once it has ended, the labels are the usual ones");
        boolean[] unobserved = new boolean[8];
        assertArrayEquals(DowntimeLabels.label(incidents, 3), DowntimeLabels.label(incidents, unobserved, 3),
                "a dataset observes nothing: its labels are the usual ones");
    }
}

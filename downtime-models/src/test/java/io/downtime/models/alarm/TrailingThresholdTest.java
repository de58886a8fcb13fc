package io.downtime.models.alarm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailingThresholdTest {

    private static final long MINUTE = 60_000;
    private static final long DAY = 1440 * MINUTE;
    private static final AlertBudget TEN_MINUTE_ALERTS = new AlertBudget(Duration.ofMinutes(30), Duration.ofMinutes(10));

    private static TrailingThreshold live() {
        return new TrailingThreshold(TEN_MINUTE_ALERTS, "a", Duration.ofDays(2), Duration.ofMinutes(10), 1);
    }

    @Test
    void scoresWithinOneResolutionMergeByTheirMaximumSoAFrequentScorerKeepsOnePerResolution() {
        TrailingThreshold threshold = live();
        SplittableRandom random = new SplittableRandom(3);
        // a day of scores every 10 s, low but for one burst of 0.8 lasting 30 s
        for (long t = 0; t < DAY; t += 10_000) {
            threshold.add(t, t >= 12 * 60 * MINUTE && t < 12 * 60 * MINUTE + 30_000 ? 0.8 : 0.1 * random.nextDouble());
        }
        // one false alarm a day is allowed: the burst may alarm, so the threshold sits at or below it, above the rest
        double read = threshold.at(DAY);
        assertTrue(read > 0.1 && read <= 0.8, "the burst is the day's one allowed alarm: " + read);
        // 0.8 survives as one kept score of its ten minutes
        assertEquals(0.8, read);
    }

    @Test
    void theThresholdIsReadOnceADayFromTheWindowBeforeAndOldScoresAreForgotten() {
        TrailingThreshold threshold = live();
        assertEquals(1.0, threshold.at(0), "nothing seen yet: never alarm");
        for (long t = 0; t < 3 * DAY; t += 10 * MINUTE) {
            // two days at 0.5 (an alarm all the time, one episode per started horizon), then quiet at 0.1
            double score = t < 2 * DAY ? 0.5 : 0.1;
            if (t == DAY) {
                assertTrue(threshold.at(t) > 0.5, "a day at 0.5 pushes its threshold above it");
            }
            if (t > DAY && t < 2 * DAY) {
                assertTrue(threshold.at(t) > 0.5, "the threshold holds for a day once read");
            }
            threshold.add(t, score);
        }
        assertEquals(OptionalLong.of(DAY - 10 * MINUTE), threshold.oldest(), "the two days before the newest score kept");
        // the window of [3d - 2d, 3d) still holds a day at 0.5
        assertTrue(threshold.at(3 * DAY) > 0.5);
        for (long t = 3 * DAY; t < 4 * DAY + MINUTE; t += 10 * MINUTE) {
            threshold.add(t, 0.1);
        }
        double quiet = threshold.at(4 * DAY + MINUTE);
        // a constant 0.1 would alarm all day at 0.1 itself: the threshold is just above it
        assertEquals(Math.nextUp(0.1), quiet, "two quiet days bring it down to the quiet level");
    }

    @Test
    void refusesScoresThatGoBackAndWindowsShorterThanADay() {
        TrailingThreshold threshold = live();
        threshold.add(DAY, 0.1);
        assertThrows(IllegalArgumentException.class, () -> threshold.add(DAY - MINUTE, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrailingThreshold(TEN_MINUTE_ALERTS, "a", Duration.ofHours(23), Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new TrailingThreshold(TEN_MINUTE_ALERTS, "a", Duration.ofDays(1), Duration.ofSeconds(-1), 1));
    }
}

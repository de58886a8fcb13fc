package io.downtime.models.alarm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailingThresholdsTest {

    private static final long MINUTE = 60_000;
    private static final int DAY = 1440;
    private static final TrailingThresholds THRESHOLDS =
            new TrailingThresholds(Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofMillis(MINUTE), 1);

    private static TrailingThresholds.Scores scores(double[] scores, long firstMinute) {
        String[] instances = new String[scores.length];
        Arrays.fill(instances, "a");
        long[] timestamps = new long[scores.length];
        for (int i = 0; i < scores.length; i++) {
            timestamps[i] = (firstMinute + i) * MINUTE;
        }
        return new TrailingThresholds.Scores(scores, instances, timestamps);
    }

    private static double[] noise(SplittableRandom random, int n, double low, double high) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = low + (high - low) * random.nextDouble();
        }
        return s;
    }

    @Test
    void aSpikeAboveTheServersOwnNormalAlarmsAndAShiftedNormalStopsAlarmingOnceTheWindowHasSeenIt() {
        SplittableRandom random = new SplittableRandom(1);
        double[] history = noise(random, 7 * DAY, 0, 0.1);
        double[] scored = new double[6 * DAY];
        System.arraycopy(noise(random, DAY, 0, 0.1), 0, scored, 0, DAY);
        scored[DAY / 2] = 0.6;
        System.arraycopy(noise(random, 5 * DAY, 0.3, 0.4), 0, scored, DAY, 5 * DAY);

        double[] relative = THRESHOLDS.relative(scores(history, 0), scores(scored, 7 * DAY));

        assertTrue(relative[DAY / 2] > 0.5, "the spike is above the threshold: " + relative[DAY / 2]);
        long normalAlarms = Arrays.stream(relative, 0, DAY).filter(r -> r >= 0.5).count();
        assertTrue(normalAlarms <= 10, "a normal day raises few alarms: " + normalAlarms);
        assertTrue(relative[DAY + 10] > 0.5, "the first day of the new level alarms: nothing has seen it yet");
        long lateAlarms = Arrays.stream(relative, 3 * DAY, 6 * DAY).filter(r -> r >= 0.5).count();
        assertTrue(lateAlarms <= 30, "once the window has seen the new level, it is normal: " + lateAlarms);
    }

    @Test
    void relativeScoresKeepTheOrderUnderOneThreshold() {
        double[] history = noise(new SplittableRandom(2), 2 * DAY, 0, 0.1);
        double[] scored = {0.05, 0.5, 0.9, 0.2};
        double[] relative = THRESHOLDS.relative(scores(history, 0), scores(scored, 2 * DAY));
        assertTrue(relative[0] < relative[3] && relative[3] < relative[1] && relative[1] < relative[2],
                Arrays.toString(relative));
    }

    @Test
    void noHistoryMeansNoAlarmOnTheFirstDayAndAWindowShorterThanADayIsRefused() {
        double[] relative = THRESHOLDS.relative(scores(new double[0], 0), scores(new double[]{0.9, 0.99}, 0));
        assertTrue(relative[0] < 0.5 && relative[1] < 0.5, Arrays.toString(relative));
        assertThrows(IllegalArgumentException.class,
                () -> new TrailingThresholds(Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMillis(MINUTE), 1));
    }
}

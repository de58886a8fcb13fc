package io.downtime.models;

import io.downtime.models.alarm.AlertBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertBudgetTest {

    private static final long MINUTE = 60_000;

    /** One instance, one row a minute for a day, labels as given (0 elsewhere), scores as given (0 elsewhere). */
    private static AlertBudget.Rows day(double[] headScores, byte[] headLabels) {
        int n = 1440;
        double[] scores = Arrays.copyOf(headScores, n);
        byte[] labels = Arrays.copyOf(headLabels, n);
        String[] instances = new String[n];
        long[] timestamps = new long[n];
        for (int i = 0; i < n; i++) {
            instances[i] = "a";
            timestamps[i] = i * MINUTE;
        }
        return new AlertBudget.Rows(scores, labels, instances, timestamps);
    }

    @Test
    void countsEachFalseEpisodeOncePerStartedHorizon() {
        AlertBudget budget = new AlertBudget(Duration.ofMinutes(10), Duration.ofMillis(MINUTE));
        double[] scores = new double[40];
        byte[] labels = new byte[40];
        Arrays.fill(scores, 0, 3, 0.9);     // a 3-minute false episode: 1 alarm
        Arrays.fill(scores, 5, 30, 0.9);    // a 25-minute false episode: 3 started horizons of 10 minutes
        Arrays.fill(scores, 35, 40, 0.9);   // an episode starting on a positive row: a true alarm
        Arrays.fill(labels, 35, 40, (byte) 1);
        assertEquals(4, budget.falseAlarmsPerDay(day(scores, labels), 0.5), 1e-9);
        assertEquals(0, budget.falseAlarmsPerDay(day(scores, labels), 0.95), 1e-9);
        // 28 of the 1435 negative minutes are alarmed
        assertEquals(28 / 1435.0, AlertBudget.alarmTimeShare(day(scores, labels), 0.5), 1e-12);
    }

    @Test
    void anAlarmThatOutlastsTheIncidentIsFalseForTheTimeAfterTheRecovery() {
        AlertBudget budget = new AlertBudget(Duration.ofMinutes(10), Duration.ofMillis(MINUTE));
        double[] scores = new double[100];
        byte[] labels = new byte[100];
        Arrays.fill(labels, 0, 20, (byte) 1);   // warning window and incident, recovered at minute 20
        Arrays.fill(scores, 5, 45, 0.9);        // alarmed from minute 5 to 44: 25 minutes after the recovery
        assertEquals(3, budget.falseAlarmsPerDay(day(scores, labels), 0.5), 1e-9,
                "25 minutes alarmed on normal rows are 3 started horizons of 10 minutes");
        Arrays.fill(scores, 20, 45, 0);
        assertEquals(0, budget.falseAlarmsPerDay(day(scores, labels), 0.5), 1e-9, "ending with the incident is no false alarm");
    }

    @Test
    void anAlarmStartingInNormalDataIsFalseUntilTheWarningWindowBegins() {
        AlertBudget budget = new AlertBudget(Duration.ofMinutes(10), Duration.ofMillis(MINUTE));
        double[] scores = new double[100];
        byte[] labels = new byte[100];
        Arrays.fill(labels, 50, 70, (byte) 1);
        Arrays.fill(scores, 38, 60, 0.9);       // 12 normal minutes alarmed before the warning window: 2 horizons
        assertEquals(2, budget.falseAlarmsPerDay(day(scores, labels), 0.5), 1e-9);
    }

    @Test
    void choosesTheLowestThresholdWithinTheBudget() {
        AlertBudget budget = new AlertBudget(Duration.ofMinutes(10), Duration.ofMillis(MINUTE));
        double[] scores = new double[50];
        byte[] labels = new byte[50];
        scores[0] = 0.3;                    // a false alarm at 0.3
        scores[10] = 0.5;                   // another at 0.5
        scores[20] = 0.8;                   // a true one at 0.8
        labels[20] = 1;
        assertEquals(0.5, budget.threshold(day(scores, labels), 1.0), "0.5 allows one false alarm a day");
        assertEquals(0.8, budget.threshold(day(scores, labels), 0.0), "no false alarm at all");
        assertEquals(0.0, budget.threshold(day(scores, labels), 1e9), "an unlimited budget alarms on everything");
    }
}

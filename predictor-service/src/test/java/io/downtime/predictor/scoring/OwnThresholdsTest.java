package io.downtime.predictor.scoring;

import io.downtime.features.HistorySource;
import io.downtime.models.quality.Calibration;
import io.downtime.models.quality.EventMetrics;
import io.downtime.models.ModelQuality;
import io.downtime.models.registry.ModelMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnThresholdsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final double MODEL_THRESHOLD = 0.3;
    private static final ModelMetadata MODEL = model("000001");

    private static ModelMetadata model(String version) {
        ModelQuality quality = new ModelQuality(100, 10, 50, 5, 0, 1, 2, 0.8, 0.9, MODEL_THRESHOLD, 0.9, 0.7, 0.6,
                0.65, 0.5, 0.01, new EventMetrics(4, 0.75, 0.5, 12.0), 0.1, new ModelQuality.Counts(3, 1, 44, 2),
                List.of(new double[]{0.5, 1.0}), Calibration.of(new double[]{0.1, 0.9}, new byte[]{0, 1}, 10), 0);
        return new ModelMetadata(version, "xgboost", "1h", "schema", List.of("a"), "definition", quality, Map.of(),
                T0.toString(), List.of(), "rows", HistorySource.FLEET);
    }

    private static OwnThresholds ownThresholds(boolean enabled) {
        return new OwnThresholds(enabled, Duration.ofDays(7), Duration.ofMinutes(15), 1);
    }

    /** Fleet scorings every 5 minutes from {@code fromMinute}: a hot server around 0.5, a quiet one around 0.03. */
    private static int scoreFleet(OwnThresholds thresholds, ModelMetadata model, SplittableRandom random,
                                  int fromMinute, int toMinute) {
        int hotAlarms = 0;
        for (int minute = fromMinute; minute < toMinute; minute += 5) {
            Instant time = T0.plus(Duration.ofMinutes(minute));
            thresholds.readAt(model, time);
            double hot = 0.45 + 0.1 * random.nextDouble();
            if (hot >= thresholds.of(model, "hot").value()) {
                hotAlarms++;
            }
            thresholds.record(model, time, Map.of("hot", hot, "quiet", 0.01 + 0.04 * random.nextDouble()));
        }
        return hotAlarms;
    }

    @Test
    void afterADayOfScoresEachInstanceAlarmsAtItsOwnThresholdSoAServerThatRunsHotStopsAlarmingAllDay() {
        OwnThresholds thresholds = ownThresholds(true);
        SplittableRandom random = new SplittableRandom(5);
        int firstDay = scoreFleet(thresholds, MODEL, random, 0, 1440);
        assertEquals(288, firstDay, "the first day, at the model's threshold, the hot server alarms at every scoring");
        assertEquals(new OwnThresholds.Threshold(MODEL_THRESHOLD, ThresholdSource.MODEL), thresholds.of(MODEL, "hot"),
                "until a day of scores is kept");

        int secondDay = scoreFleet(thresholds, MODEL, random, 1440, 2880);
        double hot = thresholds.of(MODEL, "hot").value();
        double quiet = thresholds.of(MODEL, "quiet").value();
        assertTrue(hot > 0.5 && hot <= 0.55, "the hot server's own threshold sits near the top of its normal: " + hot);
        assertTrue(quiet < 0.05, "the quiet server's own threshold is lower than the model's: " + quiet);
        assertTrue(secondDay <= 10, "at its own threshold the hot server alarms a few times a day, not all day: "
                + secondDay);
        assertEquals(2, thresholds.instancesWithOwnThreshold());
        assertEquals(ThresholdSource.INSTANCE, thresholds.of(MODEL, "hot").source());
        assertEquals(MODEL_THRESHOLD, thresholds.of(MODEL, "new-server").value(), "an instance without scores: the model's");
        assertEquals(MODEL_THRESHOLD, thresholds.of(MODEL, null).value(), "features given without an instance: the model's");
    }

    @Test
    void aNewServedModelStartsAfreshAndDisabledOwnThresholdsAlwaysGiveTheModels() {
        OwnThresholds thresholds = ownThresholds(true);
        SplittableRandom random = new SplittableRandom(6);
        scoreFleet(thresholds, MODEL, random, 0, 2 * 1440);
        assertTrue(thresholds.of(MODEL, "hot").value() > MODEL_THRESHOLD);

        ModelMetadata retrained = model("000002");
        assertEquals(MODEL_THRESHOLD, thresholds.of(retrained, "hot").value(), "the old model's scores say nothing of it");
        scoreFleet(thresholds, retrained, random, 2 * 1440, 2 * 1440 + 60);
        assertEquals(MODEL_THRESHOLD, thresholds.of(retrained, "hot").value());
        assertEquals(0, thresholds.instancesWithOwnThreshold());

        OwnThresholds disabled = ownThresholds(false);
        scoreFleet(disabled, MODEL, random, 0, 2 * 1440);
        assertEquals(MODEL_THRESHOLD, disabled.of(MODEL, "hot").value());
    }

    @Test
    void aRestartCarriesOnFromTheSnapshotAndADamagedSnapshotRestoresNothing() throws IOException {
        OwnThresholds before = ownThresholds(true);
        SplittableRandom random = new SplittableRandom(7);
        scoreFleet(before, MODEL, random, 0, 2 * 1440);
        byte[] snapshot = before.snapshot();

        OwnThresholds after = ownThresholds(true);
        assertEquals(2, after.restore(snapshot));
        Instant next = T0.plus(Duration.ofMinutes(2 * 1440));
        before.readAt(MODEL, next);
        after.readAt(MODEL, next);
        assertEquals(before.of(MODEL, "hot").value(), after.of(MODEL, "hot").value(), "the same reading as if it had not stopped");
        assertEquals(before.of(MODEL, "quiet").value(), after.of(MODEL, "quiet").value());
        assertTrue(after.of(MODEL, "hot").value() > MODEL_THRESHOLD);
        // and it goes on the same way with the scores that follow
        assertEquals(scoreFleet(before, MODEL, new SplittableRandom(8), 2 * 1440 + 5, 4 * 1440),
                scoreFleet(after, MODEL, new SplittableRandom(8), 2 * 1440 + 5, 4 * 1440));
        assertEquals(before.of(MODEL, "hot").value(), after.of(MODEL, "hot").value());

        OwnThresholds retrained = ownThresholds(true);
        retrained.restore(snapshot);
        retrained.readAt(model("000002"), next);
        assertEquals(MODEL_THRESHOLD, retrained.of(model("000002"), "hot").value(), "another model starts afresh");

        byte[] damaged = snapshot.clone();
        damaged[damaged.length / 2] ^= 1;
        OwnThresholds fresh = ownThresholds(true);
        IOException refused = assertThrows(IOException.class, () -> fresh.restore(damaged));
        assertTrue(refused.getMessage().contains("damaged"), refused.getMessage());
        assertThrows(IOException.class, () -> fresh.restore(Arrays.copyOf(snapshot, 100)));
        fresh.readAt(MODEL, next);
        assertEquals(MODEL_THRESHOLD, fresh.of(MODEL, "hot").value());
        assertEquals(0, new OwnThresholds(true, Duration.ofDays(3), Duration.ofMinutes(15), 1).restore(snapshot),
                "kept with another window: not used");
    }

    @Test
    void aWindowShorterThanADayOrAResolutionOutsideTheWindowIsRefusedNamingTheSetting() {
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> new OwnThresholds(true, Duration.ofHours(12), Duration.ofMinutes(15), 1));
        assertTrue(window.getMessage().contains("predictor.alarms.own-threshold.window"), window.getMessage());
        IllegalArgumentException resolution = assertThrows(IllegalArgumentException.class,
                () -> new OwnThresholds(true, Duration.ofDays(1), Duration.ZERO, 1));
        assertTrue(resolution.getMessage().contains("predictor.alarms.own-threshold.resolution"),
                resolution.getMessage());
    }
}

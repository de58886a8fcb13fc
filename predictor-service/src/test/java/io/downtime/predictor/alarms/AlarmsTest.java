package io.downtime.predictor.alarms;

import io.downtime.journal.Journal;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.Explanation.Contribution;
import io.downtime.models.alarm.Risk;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.scoring.ThresholdSource;
import io.downtime.predictor.alarms.Alarm.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlarmsTest {

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final double THRESHOLD = 0.3;

    @TempDir
    Path directory;

    static Prediction score(String instance, double probability, String reason) {
        return new Prediction(instance, probability, "1h", Risk.of(probability, THRESHOLD), THRESHOLD,
                ThresholdSource.MODEL,
                new Prediction.ModelRef("xgboost", "000003"), List.of(new Contribution(reason, 1.0)),
                ExplanationMethod.TREE_SHAP, T0, false);
    }

    private Alarms open() throws IOException {
        return new Alarms(Journal.open(directory.resolve("alarms.journal")), Duration.ofMinutes(10));
    }

    private static Instant minute(int m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void anEpisodeAtOrAboveTheThresholdIsOneAlarmWithItsPeakAndReasons() throws IOException {
        Alarms alarms = open();
        alarms.observe(minute(0), List.of(score("web-1", 0.1, "a"), score("db-1", 0.2, "a")));
        assertTrue(alarms.list(null, Alarms.Filter.ALL).isEmpty());
        alarms.observe(minute(1), List.of(score("web-1", 0.3, "load"), score("db-1", 0.2, "a")));
        alarms.observe(minute(2), List.of(score("web-1", 0.8, "memory"), score("db-1", 0.2, "a")));
        alarms.observe(minute(3), List.of(score("web-1", 0.5, "disk")));
        List<Alarm> listed = alarms.list(null, Alarms.Filter.OPEN);
        assertEquals(1, listed.size());
        Alarm alarm = listed.get(0);
        assertEquals("web-1", alarm.instance());
        assertEquals(minute(1), alarm.start());
        assertEquals(minute(3), alarm.lastHigh());
        assertEquals(0.8, alarm.peakProbability());
        assertEquals("memory", alarm.reasons().get(0).feature(), "the reasons of the peak");
        assertEquals("000003", alarm.modelVersion());
        assertNull(alarm.end());
    }

    @Test
    void aDipShorterThanTheKeepOpenTimeDoesNotSplitTheAlarmALongerOneEndsIt() throws IOException {
        Alarms alarms = open();
        alarms.observe(minute(0), List.of(score("web-1", 0.6, "a")));
        alarms.observe(minute(1), List.of(score("web-1", 0.1, "a")));
        alarms.observe(minute(9), List.of(score("web-1", 0.1, "a")));
        alarms.observe(minute(10), List.of(score("web-1", 0.6, "a")));
        assertEquals(1, alarms.list(null, Alarms.Filter.ALL).size(), "one episode");
        alarms.observe(minute(11), List.of(score("web-1", 0.2, "a")));
        alarms.observe(minute(20), List.of(score("web-1", 0.2, "a")));
        assertEquals(1, alarms.list(null, Alarms.Filter.OPEN).size(), "9 minutes under: still open");
        alarms.observe(minute(21), List.of(score("web-1", 0.2, "a")));
        Alarm ended = alarms.list(null, Alarms.Filter.CLOSED).get(0);
        assertEquals(minute(11), ended.end(), "it ended when the risk went under the threshold");
        assertEquals(minute(10), ended.lastHigh());
        alarms.observe(minute(22), List.of(score("web-1", 0.9, "a")));
        assertEquals(2, alarms.list("web-1", Alarms.Filter.ALL).size(), "a new episode is a new alarm");
        assertEquals(2, alarms.list("web-1", Alarms.Filter.ALL).get(0).id(), "newest first");
    }

    @Test
    void staleScoresNeitherOpenNorEndAnAlarm() throws IOException {
        Alarms alarms = open();
        alarms.observe(minute(0), List.of(score("web-1", 0.9, "a").markedStale()));
        assertTrue(alarms.list(null, Alarms.Filter.ALL).isEmpty());
        alarms.observe(minute(1), List.of(score("web-1", 0.9, "a")));
        alarms.observe(minute(30), List.of(score("web-1", 0.1, "a").markedStale()));
        alarms.observe(minute(60), List.of(score("web-1", 0.1, "a").markedStale()));
        assertEquals(1, alarms.list(null, Alarms.Filter.OPEN).size());
    }

    @Test
    void reviewsAreKeptAndALaterVerdictReplacesAnEarlierOne() throws IOException {
        Alarms alarms = open();
        alarms.observe(minute(0), List.of(score("web-1", 0.9, "a"), score("db-1", 0.9, "a"), score("api-1", 0.9, "a")));
        assertTrue(alarms.review(99, Verdict.CONFIRMED, "", minute(1)).isEmpty());
        alarms.review(1, Verdict.FALSE_ALARM, "planned maintenance", minute(1));
        alarms.review(2, Verdict.FALSE_ALARM, "", minute(1));
        alarms.review(2, Verdict.CONFIRMED, "it was the disk after all", minute(2));
        Alarms.Outcomes outcomes = alarms.outcomes().get("xgboost");
        assertEquals(new Alarms.Outcomes(1, 1, 1), outcomes);
        assertEquals(0.5, outcomes.precision());
        assertEquals(List.of(2L), alarms.list(null, Alarms.Filter.CONFIRMED).stream().map(Alarm::id).toList());
        assertEquals(List.of(1L), alarms.list(null, Alarms.Filter.FALSE_ALARM).stream().map(Alarm::id).toList());
        assertEquals(List.of(3L), alarms.list(null, Alarms.Filter.UNREVIEWED).stream().map(Alarm::id).toList());
        assertEquals("planned maintenance", alarms.get(1).orElseThrow().review().note());
    }

    @Test
    void alarmsAndReviewsSurviveARestartAndAnOpenAlarmGoesOn() throws IOException {
        Alarms alarms = open();
        alarms.observe(minute(0), List.of(score("web-1", 0.9, "a"), score("db-1", 0.9, "a")));
        alarms.observe(minute(1), List.of(score("web-1", 0.1, "a"), score("db-1", 0.9, "a")));
        alarms.observe(minute(12), List.of(score("web-1", 0.1, "a"), score("db-1", 0.9, "a")));
        alarms.review(1, Verdict.FALSE_ALARM, "noise", minute(13));
        Alarms reopened = open();
        assertEquals(alarms.get(1), reopened.get(1));
        assertEquals(Verdict.FALSE_ALARM, reopened.get(1).orElseThrow().review().verdict());
        assertTrue(reopened.get(2).orElseThrow().open());
        reopened.observe(minute(14), List.of(score("db-1", 0.9, "a")));
        assertEquals(2, reopened.list(null, Alarms.Filter.ALL).size(), "the open alarm continues, no second one");
        reopened.observe(minute(15), List.of(score("web-1", 0.9, "a")));
        assertEquals(3, reopened.list(null, Alarms.Filter.ALL).get(0).id(), "ids go on after the stored ones");
    }
}

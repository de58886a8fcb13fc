package io.downtime.collector.alerts;

import io.downtime.collector.Shard;
import io.downtime.collector.alerts.DeclaredIncidents.Applied;
import io.downtime.collector.alerts.DeclaredIncidents.DeclaredIncident;
import io.downtime.features.InstanceSeries;
import io.downtime.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeclaredIncidentsTest {

    private static final String START = "2026-12-01T10:00:00Z";
    private static final String END = "2026-12-01T10:20:00Z";
    private static final DowntimeAlerts INSTANCE_DOWN = new DowntimeAlerts(List.of("InstanceDown"), List.of(),
            "instance");

    @TempDir
    Path directory;

    private DeclaredIncidents open() throws IOException {
        return new DeclaredIncidents(Journal.open(directory.resolve("incidents.journal")), INSTANCE_DOWN, Shard.ALL);
    }

    private static Applied apply(DeclaredIncidents incidents, String body) {
        return incidents.apply(AlertmanagerNotification.alerts(body));
    }

    @Test
    void aFiringAlertOpensAnIncidentAndItsResolutionClosesIt() throws IOException {
        DeclaredIncidents incidents = open();
        assertEquals(new Applied(1, 1, 0), apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START)));
        assertEquals(List.of(new DeclaredIncident("f1", "web-1", "InstanceDown", Instant.parse(START), null, true)),
                incidents.all());
        assertEquals(new Applied(1, 1, 0), apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START, END)));
        assertEquals(List.of(new DeclaredIncident("f1", "web-1", "InstanceDown", Instant.parse(START),
                Instant.parse(END), true)), incidents.all());
    }

    @Test
    void notificationsSentAgainOrOutOfOrderChangeNothing() throws IOException {
        DeclaredIncidents incidents = open();
        apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START));
        assertEquals(new Applied(1, 0, 0), apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START)));
        apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START, END));
        List<DeclaredIncident> closed = incidents.all();
        assertEquals(new Applied(1, 0, 0), apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START,
                "2026-12-01T10:25:00Z")), "a closed incident keeps its first end");
        assertEquals(new Applied(1, 0, 0), apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START)),
                "a late firing notification does not reopen it");
        assertEquals(closed, incidents.all());
        long lines = Files.readAllLines(directory.resolve("incidents.journal")).size();
        assertEquals(2, lines, "only changes are written");
    }

    @Test
    void theSameAlertFiringAgainLaterIsASecondIncident() throws IOException {
        DeclaredIncidents incidents = open();
        apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START));
        apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START, END));
        apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", "2026-12-01T12:00:00Z"));
        assertEquals(2, incidents.all().size());
        assertEquals(null, incidents.all().get(1).end());
    }

    @Test
    void aResolvedAlertWithoutItsFiringOneIsKeptAsWhatItIs() throws IOException {
        DeclaredIncidents incidents = open();
        apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START, END));
        DeclaredIncident incident = incidents.all().get(0);
        assertEquals(Instant.parse(END), incident.end());
        assertFalse(incident.firingSeen());
        assertEquals(new Applied(1, 0, 0), apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START)));
    }

    @Test
    void otherAlertsOtherShardsAndAlertsWithoutTheInstanceLabelAreIgnored() throws IOException {
        DeclaredIncidents incidents = new DeclaredIncidents(Journal.open(directory.resolve("j")),
                new DowntimeAlerts(List.of("InstanceDown"), List.of("severity=\"critical\""), "instance"),
                new Shard(0, 2));
        String ownShard = List.of("web-1", "web-2", "web-3", "web-4").stream().filter(new Shard(0, 2)::contains)
                .findFirst().orElseThrow();
        String otherShard = List.of("web-1", "web-2", "web-3", "web-4").stream().filter(i -> !new Shard(0, 2).contains(i))
                .findFirst().orElseThrow();
        Applied applied = apply(incidents, Notifications.notification("firing",
                Notifications.alert("firing", "a", "InstanceDown", ownShard, START, "0001-01-01T00:00:00Z"),
                Notifications.alert("firing", "b", "InstanceDown", otherShard, START, "0001-01-01T00:00:00Z"),
                Notifications.alert("firing", "c", "DiskFull", ownShard, START, "0001-01-01T00:00:00Z"),
                Notifications.alert("firing", "d", "InstanceDown", ownShard, START, "0001-01-01T00:00:00Z")
                        .replace("critical", "warning"),
                Notifications.alert("firing", "e", "InstanceDown", "", START, "0001-01-01T00:00:00Z")));
        assertEquals(new Applied(1, 1, 4), applied);
        assertEquals(ownShard, incidents.all().get(0).instance());
    }

    @Test
    void incidentsSurviveARestart() throws IOException {
        DeclaredIncidents incidents = open();
        apply(incidents, Notifications.firing("f1", "InstanceDown", "web-1", START));
        apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", START, END));
        apply(incidents, Notifications.firing("f2", "InstanceDown", "db-1", END));
        List<DeclaredIncident> before = incidents.all();
        DeclaredIncidents reopened = new DeclaredIncidents(Journal.open(directory.resolve("incidents.journal")),
                INSTANCE_DOWN, Shard.ALL);
        assertEquals(before, reopened.all());
        assertEquals(new Applied(1, 0, 0), apply(reopened, Notifications.resolved("f1", "InstanceDown", "web-1", START, END)));
    }

    @Test
    void theyLabelTheSamplesTheyCoverAndNothingElse() throws IOException {
        DeclaredIncidents incidents = open();
        apply(incidents, Notifications.resolved("f1", "InstanceDown", "web-1", "2026-12-01T10:01:30Z",
                "2026-12-01T10:03:00Z"));
        apply(incidents, Notifications.firing("f2", "InstanceDown", "web-1", "2026-12-01T10:05:00Z"));
        long t0 = Instant.parse(START).toEpochMilli();
        long[] timestamps = new long[7];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = t0 + i * 60_000L;
        }
        boolean[] none = new boolean[7];
        InstanceSeries series = InstanceSeries.observed("web-1", timestamps, List.of("cpu"), new double[][]{new double[7]},
                none).withIncidents(new boolean[]{true, false, false, false, false, false, false});
        InstanceSeries labelled = incidents.label(series);
        assertArrayEquals(new boolean[]{true, false, true, false, false, true, true}, labelled.incidents(),
                "the sample's own label, 10:02 inside the first, 10:03 at its end is not, the open one from 10:05");
        assertArrayEquals(none, labelled.observedDown(), "what the source observed is not touched: features never see it");
        InstanceSeries other = InstanceSeries.observed("db-1", timestamps, List.of("cpu"), new double[][]{new double[7]},
                none);
        assertArrayEquals(none, incidents.label(other).incidents());
    }

    @Test
    void refusesToCountItsOwnPredictionAsAnOutageAndBadMatchers() {
        IllegalArgumentException own = assertThrows(IllegalArgumentException.class,
                () -> new DowntimeAlerts(List.of("InstanceDown", "DowntimeRiskHigh"), List.of(), "instance"));
        assertTrue(own.getMessage().contains("collector.alertmanager.alert-names"), own.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new DowntimeAlerts(List.of("InstanceDown"), List.of("severity critical"), "instance"));
        assertThrows(IllegalArgumentException.class,
                () -> new DowntimeAlerts(List.of("InstanceDown"), List.of("job=~\"(\""), "instance"));
        assertThrows(IllegalArgumentException.class, () -> new DowntimeAlerts(List.of(), List.of(), "instance"));
    }

    @Test
    void matchersFollowPrometheusNotation() {
        DowntimeAlerts alerts = new DowntimeAlerts(List.of("InstanceDown"),
                List.of("severity=\"critical\"", "env!=\"test\"", "job=~\"node|db\"", "team!~\"qa.*\""), "instance");
        String matching = Notifications.notification("firing", Notifications.alert("firing", "a", "InstanceDown",
                "web-1", START, "0001-01-01T00:00:00Z").replace("\"severity\": \"critical\"",
                "\"severity\": \"critical\", \"job\": \"node\", \"team\": \"sre\""));
        assertTrue(alerts.instanceOf(AlertmanagerNotification.alerts(matching).get(0)).isPresent());
        assertFalse(alerts.instanceOf(AlertmanagerNotification.alerts(matching.replace("\"node\"", "\"nodes\"")).get(0))
                .isPresent(), "a regular expression matches the whole value");
        assertFalse(alerts.instanceOf(AlertmanagerNotification.alerts(matching.replace("\"sre\"", "\"qa-1\"")).get(0))
                .isPresent());
        assertFalse(alerts.instanceOf(AlertmanagerNotification.alerts(matching.replace("\"team\"", "\"env\"")
                .replace("\"sre\"", "\"test\"")).get(0)).isPresent());
    }
}

package io.downtime.collector.alerts;

import io.downtime.collector.alerts.AlertmanagerNotification.Alert;
import io.downtime.collector.alerts.AlertmanagerNotification.Status;
import io.downtime.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertmanagerNotificationTest {

    @Test
    void readsFiringAndResolvedAlertsWithNanosecondTimes() {
        List<Alert> alerts = AlertmanagerNotification.alerts(Notifications.notification("firing",
                Notifications.alert("firing", "a1", "InstanceDown", "web-1", "2026-12-01T10:00:00.123456789Z",
                        "0001-01-01T00:00:00Z"),
                Notifications.alert("resolved", "b2", "InstanceDown", "db-1", "2026-12-01T09:00:00+01:00",
                        "2026-12-01T09:30:00Z")));
        assertEquals(2, alerts.size());
        Alert firing = alerts.get(0);
        assertEquals(Status.FIRING, firing.status());
        assertEquals("InstanceDown", firing.name());
        assertEquals("web-1", firing.labels().get("instance"));
        assertEquals(Instant.parse("2026-12-01T10:00:00.123456789Z"), firing.startsAt());
        assertNull(firing.endsAt(), "a firing alert has no end yet");
        Alert resolved = alerts.get(1);
        assertEquals(Status.RESOLVED, resolved.status());
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), resolved.startsAt());
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), resolved.endsAt());
    }

    @Test
    void refusesWhatIsNotAVersion4NotificationNamingTheField() {
        String good = Notifications.alert("firing", "a1", "InstanceDown", "web-1", "2026-12-01T10:00:00Z",
                "0001-01-01T00:00:00Z");
        assertRefused("body", "not json");
        assertRefused("body", "[]");
        assertRefused("version", Notifications.notification("firing", good).replace("\"version\": \"4\"", "\"version\": \"3\""));
        assertRefused("alerts", "{\"version\": \"4\"}");
        assertRefused("alerts[1]", Notifications.notification("firing", good, "42"));
        assertRefused("alerts[0].status", Notifications.notification("firing", good.replace("\"status\": \"firing\"",
                "\"status\": \"pending\"")));
        assertRefused("alerts[0].fingerprint", Notifications.notification("firing", good.replace("\"a1\"", "\"\"")));
        assertRefused("alerts[0].fingerprint", Notifications.notification("firing", good.replace("\"a1\"", "\"../x\"")));
        assertRefused("alerts[0].startsAt", Notifications.notification("firing",
                good.replace("2026-12-01T10:00:00Z", "yesterday")));
        assertRefused("alerts[0].labels.instance", Notifications.notification("firing",
                good.replace("\"instance\": \"web-1\"", "\"instance\": 7")));
        assertRefused("alerts[0].endsAt", Notifications.notification("resolved", Notifications.alert("resolved", "a1",
                "InstanceDown", "web-1", "2026-12-01T10:00:00Z", "2026-12-01T09:00:00Z")));
        assertRefused("alerts[0].endsAt", Notifications.notification("resolved", Notifications.alert("resolved", "a1",
                "InstanceDown", "web-1", "2026-12-01T10:00:00Z", "soon")));
    }

    private static void assertRefused(String field, String body) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AlertmanagerNotification.alerts(body), body);
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(!refused.getMessage().isBlank());
    }
}

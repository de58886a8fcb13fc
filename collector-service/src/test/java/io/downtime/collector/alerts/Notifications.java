package io.downtime.collector.alerts;

/** Webhook bodies as Alertmanager 0.25 sends them (payload version 4). */
final class Notifications {

    private Notifications() {
    }

    static String firing(String fingerprint, String alertname, String instance, String startsAt) {
        return notification("firing", alert("firing", fingerprint, alertname, instance, startsAt, "0001-01-01T00:00:00Z"));
    }

    static String resolved(String fingerprint, String alertname, String instance, String startsAt, String endsAt) {
        return notification("resolved", alert("resolved", fingerprint, alertname, instance, startsAt, endsAt));
    }

    static String alert(String status, String fingerprint, String alertname, String instance, String startsAt,
                        String endsAt) {
        return """
                {"status": "%s", "labels": {"alertname": "%s", "instance": "%s", "severity": "critical"},
                 "annotations": {"summary": "down"}, "startsAt": "%s", "endsAt": "%s",
                 "generatorURL": "http://prometheus:9090/graph", "fingerprint": "%s"}"""
                .formatted(status, alertname, instance, startsAt, endsAt, fingerprint);
    }

    static String notification(String status, String... alerts) {
        return """
                {"receiver": "downtime-predictor", "status": "%s", "alerts": [%s],
                 "groupLabels": {"alertname": "InstanceDown"}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager:9093", "version": "4", "groupKey": "{}:{alertname=\\"InstanceDown\\"}",
                 "truncatedAlerts": 0}""".formatted(status, String.join(",", alerts));
    }
}

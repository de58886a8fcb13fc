package io.downtime.collector.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.problem.InvalidInputException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A notification of Alertmanager's webhook receiver (payload version 4): its alerts, each firing or resolved. The whole
 * payload is checked before anything of it is used, so a bad one changes nothing.
 */
public final class AlertmanagerNotification {

    /** Alertmanager's "no end yet" of a firing alert. */
    private static final Instant NO_END = Instant.parse("0001-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What Alertmanager says of one alert. */
    public enum Status {
        FIRING, RESOLVED
    }

    /**
     * One alert of a notification.
     *
     * @param fingerprint Alertmanager's identity of the alert (a hash of its labels)
     * @param status      firing or resolved
     * @param labels      its labels, {@code alertname} among them
     * @param startsAt    when it started firing
     * @param endsAt      when it resolved; null while it fires
     */
    public record Alert(String fingerprint, Status status, Map<String, String> labels, Instant startsAt,
                        Instant endsAt) {

        public String name() {
            return labels.getOrDefault("alertname", "");
        }
    }

    private AlertmanagerNotification() {
    }

    /**
     * The alerts of the webhook {@code body}.
     *
     * @throws InvalidInputException naming the field, when the body is not a version 4 notification
     */
    public static List<Alert> alerts(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "an Alertmanager webhook notification is a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !"4".equals(version.asText())) {
            throw new InvalidInputException("version", "this receiver reads Alertmanager's webhook payload version 4, "
                    + "not " + (version == null ? "a payload without a version" : "version " + version));
        }
        JsonNode alerts = root.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new InvalidInputException("alerts", "a notification needs the array 'alerts'");
        }
        List<Alert> parsed = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            parsed.add(alert(alerts.get(i), "alerts[" + i + "]"));
        }
        return parsed;
    }

    private static Alert alert(JsonNode alert, String field) {
        if (!alert.isObject()) {
            throw new InvalidInputException(field, "an alert is a JSON object");
        }
        String fingerprint = text(alert, field + ".fingerprint");
        if (!fingerprint.matches("[0-9a-zA-Z]{1,64}")) {
            throw new InvalidInputException(field + ".fingerprint", "a fingerprint is 1 to 64 letters and digits");
        }
        Status status = switch (text(alert, field + ".status")) {
            case "firing" -> Status.FIRING;
            case "resolved" -> Status.RESOLVED;
            default -> throw new InvalidInputException(field + ".status", "an alert's status is 'firing' or 'resolved'");
        };
        JsonNode labels = alert.get("labels");
        if (labels == null || !labels.isObject()) {
            throw new InvalidInputException(field + ".labels", "an alert needs the object 'labels'");
        }
        Map<String, String> labelValues = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> label = it.next();
            if (!label.getValue().isTextual()) {
                throw new InvalidInputException(field + ".labels." + label.getKey(), "a label's value is a string");
            }
            labelValues.put(label.getKey(), label.getValue().asText());
        }
        Instant startsAt = time(alert, field + ".startsAt");
        Instant endsAt = null;
        if (status == Status.RESOLVED) {
            endsAt = time(alert, field + ".endsAt");
            if (endsAt.isBefore(startsAt)) {
                throw new InvalidInputException(field + ".endsAt", "a resolved alert cannot end (" + endsAt
                        + ") before it started (" + startsAt + ")");
            }
        } else if (startsAt.equals(NO_END)) {
            throw new InvalidInputException(field + ".startsAt", "a firing alert needs the time it started");
        }
        return new Alert(fingerprint, status, labelValues, startsAt, endsAt);
    }

    private static String text(JsonNode alert, String field) {
        JsonNode value = alert.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new InvalidInputException(field, "an alert needs the string '" + field.substring(field.lastIndexOf('.') + 1) + "'");
        }
        return value.asText();
    }

    private static Instant time(JsonNode alert, String field) {
        String text = text(alert, field);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an RFC 3339 time");
        }
    }
}

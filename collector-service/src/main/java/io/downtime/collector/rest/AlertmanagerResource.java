package io.downtime.collector.rest;

import io.downtime.admin.AdminOnly;
import io.downtime.collector.alerts.AlertmanagerNotification;
import io.downtime.collector.alerts.DeclaredIncidents;
import io.downtime.problem.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook receiver: alerts that declare an outage (collector.alertmanager.*) become incidents of the
 * instance they name, which label the training data. A notification is applied whole or, when it is not a valid
 * version 4 payload, not at all.
 */
@Path("/ingest/alertmanager")
public class AlertmanagerResource {

    /**
     * @param alerts   alerts in the notification
     * @param downtime alerts that declare an outage of an instance of this collector
     * @param changed  incidents opened or closed by it (0 for a notification sent again)
     */
    public record Received(int alerts, int downtime, int changed) {
    }

    /** Alertmanager's webhook payload (version 4), as far as the receiver reads it; other fields are ignored. */
    @Schema(name = "AlertmanagerNotification")
    public record Notification(String version, String status, String receiver, List<NotifiedAlert> alerts) {
    }

    /** One alert of a notification. */
    @Schema(name = "AlertmanagerAlert")
    public record NotifiedAlert(String status, Map<String, String> labels, Map<String, String> annotations,
                                String startsAt, String endsAt, String fingerprint) {
    }

    private final DeclaredIncidents incidents;
    private final Counter stored;
    private final Counter unchanged;
    private final Counter ignored;
    private final Counter rejected;

    public AlertmanagerResource(DeclaredIncidents incidents, MeterRegistry meters) {
        this.incidents = incidents;
        String description = "Alerts received from Alertmanager: stored (opened or closed an incident), unchanged "
                + "(sent again) or ignored (not an outage, or of another shard's instance)";
        this.stored = Counter.builder("downtime_collector_alertmanager_alerts").description(description)
                .tag("outcome", "stored").register(meters);
        this.unchanged = Counter.builder("downtime_collector_alertmanager_alerts").description(description)
                .tag("outcome", "unchanged").register(meters);
        this.ignored = Counter.builder("downtime_collector_alertmanager_alerts").description(description)
                .tag("outcome", "ignored").register(meters);
        this.rejected = Counter.builder("downtime_collector_alertmanager_notifications_rejected")
                .description("Notifications refused whole because they were not a valid version 4 payload")
                .register(meters);
    }

    @POST
    @AdminOnly
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @RequestBody(required = true, description = "A notification of Alertmanager's webhook_config (payload version 4)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Notification.class),
                    examples = @ExampleObject(name = "InstanceDown",
                    value = "{\"version\": \"4\", \"status\": \"firing\", \"receiver\": \"downtime-predictor\", "
                            + "\"alerts\": [{\"status\": \"firing\", \"labels\": {\"alertname\": \"InstanceDown\", "
                            + "\"instance\": \"web-1\"}, \"annotations\": {}, \"startsAt\": \"2026-12-01T10:00:00Z\", "
                            + "\"endsAt\": \"0001-01-01T00:00:00Z\", \"fingerprint\": \"5a1e4c7e3b9d2f10\"}]}")))
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Received receive(String body) {
        List<AlertmanagerNotification.Alert> alerts;
        try {
            alerts = AlertmanagerNotification.alerts(body);
        } catch (RuntimeException e) {
            rejected.increment();
            throw e;
        }
        DeclaredIncidents.Applied applied = incidents.apply(alerts);
        stored.increment(applied.changed());
        unchanged.increment(applied.downtimeAlerts() - applied.changed());
        ignored.increment(applied.ignored());
        return new Received(alerts.size(), applied.downtimeAlerts(), applied.changed());
    }
}

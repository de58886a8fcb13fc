package io.downtime.collector.alerts;

import io.downtime.collector.IncidentLabels;
import io.downtime.collector.Shard;
import io.downtime.collector.alerts.AlertmanagerNotification.Alert;
import io.downtime.collector.alerts.AlertmanagerNotification.Status;
import io.downtime.features.InstanceSeries;
import io.downtime.journal.Journal;
import io.downtime.journal.JsonJournal;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Incidents that alerts declared: one per firing of an alert (its fingerprint and start), opened by the firing
 * notification and closed by the resolved one. Alertmanager re-sends notifications and may deliver them out of order;
 * neither changes anything: a firing one for a known incident is ignored (it never reopens a closed one), a resolved
 * one closes an open incident and is ignored for a closed one, and a resolved one without its firing one is kept as a
 * closed incident whose firing was not seen. Every change is in the journal before {@link #apply} returns.
 */
public final class DeclaredIncidents implements IncidentLabels {

    /**
     * One incident declared by an alert.
     *
     * @param fingerprint Alertmanager's fingerprint of the alert
     * @param instance    the instance it names
     * @param alert       the alert's name
     * @param start       when it started firing
     * @param end         when it resolved; null while under way
     * @param firingSeen  whether its firing notification arrived (false: only the resolved one did)
     */
    @RegisterForReflection
    public record DeclaredIncident(String fingerprint, String instance, String alert, Instant start, Instant end,
                                   boolean firingSeen) {

        boolean covers(long timestamp) {
            return timestamp >= start.toEpochMilli() && (end == null || timestamp < end.toEpochMilli());
        }
    }

    /** What a notification changed: alerts that declared an outage, incidents opened or closed, alerts ignored. */
    public record Applied(int downtimeAlerts, int changed, int ignored) {
    }

    private final JsonJournal<DeclaredIncident> journal;
    private final DowntimeAlerts downtime;
    private final Shard shard;
    /** Per instance, its incidents by fingerprint and start: labelling a series reads only its own instance's. */
    private final Map<String, Map<String, DeclaredIncident>> byInstance = new HashMap<>();

    /**
     * @param journal  where the incidents are kept; its records are read back
     * @param downtime which alerts declare an outage of which instance
     * @param shard    the instances this collector keeps (incidents of others are ignored)
     * @throws IOException when a record of the journal is not an incident
     */
    public DeclaredIncidents(Journal journal, DowntimeAlerts downtime, Shard shard) throws IOException {
        this.journal = new JsonJournal<>(journal, DeclaredIncident.class);
        this.downtime = downtime;
        this.shard = shard;
        for (DeclaredIncident incident : this.journal.records()) {
            put(key(incident.fingerprint(), incident.start()), incident);
        }
    }

    /** Applies the alerts of one notification; each change is on disk when this returns. */
    public synchronized Applied apply(List<Alert> alerts) {
        int declaring = 0;
        int changed = 0;
        for (Alert alert : alerts) {
            Optional<String> instance = downtime.instanceOf(alert).filter(shard::contains);
            if (instance.isEmpty()) {
                continue;
            }
            declaring++;
            String key = key(alert.fingerprint(), alert.startsAt());
            DeclaredIncident known = byInstance.getOrDefault(instance.get(), Map.of()).get(key);
            DeclaredIncident next = known != null ? closed(known, alert)
                    : new DeclaredIncident(alert.fingerprint(), instance.get(), alert.name(), alert.startsAt(),
                    alert.endsAt(), alert.status() == Status.FIRING);
            if (!next.equals(known)) {
                store(key, next);
                changed++;
            }
        }
        return new Applied(declaring, changed, alerts.size() - declaring);
    }

    private static DeclaredIncident closed(DeclaredIncident known, Alert alert) {
        if (known.end() != null || alert.status() != Status.RESOLVED) {
            return known;
        }
        return new DeclaredIncident(known.fingerprint(), known.instance(), known.alert(), known.start(),
                alert.endsAt(), known.firingSeen());
    }

    private void store(String key, DeclaredIncident incident) {
        journal.append(incident);
        put(key, incident);
    }

    private void put(String key, DeclaredIncident incident) {
        byInstance.computeIfAbsent(incident.instance(), i -> new LinkedHashMap<>()).put(key, incident);
    }

    /** Every declared incident, oldest first. */
    public synchronized List<DeclaredIncident> all() {
        List<DeclaredIncident> all = new ArrayList<>();
        byInstance.values().forEach(own -> all.addAll(own.values()));
        all.sort(Comparator.comparing(DeclaredIncident::start).thenComparing(DeclaredIncident::instance));
        return all;
    }

    /** The declared incidents of {@code instance}, oldest first. */
    public synchronized List<DeclaredIncident> of(String instance) {
        List<DeclaredIncident> own = new ArrayList<>(byInstance.getOrDefault(instance, Map.of()).values());
        own.sort(Comparator.comparing(DeclaredIncident::start));
        return own;
    }

    /** The series with every sample that a declared incident of its instance covers labelled as an incident. */
    @Override
    public InstanceSeries label(InstanceSeries series) {
        List<DeclaredIncident> own = of(series.instance());
        if (own.isEmpty()) {
            return series;
        }
        long[] timestamps = series.timestamps();
        boolean[] labels = series.incidents().clone();
        for (int t = 0; t < timestamps.length; t++) {
            for (DeclaredIncident incident : own) {
                labels[t] |= incident.covers(timestamps[t]);
            }
        }
        return series.withIncidents(labels);
    }

    private static String key(String fingerprint, Instant start) {
        return fingerprint + "@" + start;
    }
}

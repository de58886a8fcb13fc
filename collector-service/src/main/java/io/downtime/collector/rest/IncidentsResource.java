package io.downtime.collector.rest;

import io.downtime.collector.Incidents;
import io.downtime.collector.Incidents.Incident;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.RollingWindow;
import io.downtime.collector.alerts.DeclaredIncidents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Incidents: the down periods long enough to count within the samples held in memory, and the incidents that
 * Alertmanager's alerts declared (kept on disk, whatever their age).
 */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    private final InstanceWindows windows;
    private final DeclaredIncidents declared;

    public IncidentsResource(InstanceWindows windows, DeclaredIncidents declared) {
        this.windows = windows;
        this.declared = declared;
    }

    /**
     * @param instance only this instance; all when absent
     * @param from     only incidents under way at or after this ISO-8601 instant
     * @param to       only incidents started at or before this ISO-8601 instant
     */
    @GET
    public List<Incident> incidents(@QueryParam("instance") String instance, @QueryParam("from") String from,
                                    @QueryParam("to") String to) {
        long start = from == null ? Long.MIN_VALUE : InstantParam.epochMillis("from", from);
        long end = to == null ? Long.MAX_VALUE : InstantParam.epochMillis("to", to);
        List<DeclaredIncidents.DeclaredIncident> alerts = instance == null ? declared.all() : declared.of(instance);
        List<RollingWindow> selected = instance == null ? windows.all()
                : windows.get(instance).map(List::of).orElse(List.of());
        if (instance != null && selected.isEmpty() && alerts.isEmpty()) {
            throw new NotFoundException("unknown instance '" + instance + "'");
        }
        Stream<Incident> ofSamples = selected.stream()
                .flatMap(w -> Incidents.of(windows.sampledSeries(w, Long.MIN_VALUE, Long.MAX_VALUE)).stream());
        Stream<Incident> ofAlerts = alerts.stream().map(i -> new Incident(i.instance(), i.start(), i.end(),
                Incidents.Source.ALERTMANAGER, i.alert()));
        return Stream.concat(ofSamples, ofAlerts)
                .filter(i -> i.start().toEpochMilli() <= end && (i.end() == null || i.end().toEpochMilli() >= start))
                .sorted(Comparator.comparing(Incident::start).thenComparing(Incident::instance))
                .toList();
    }
}

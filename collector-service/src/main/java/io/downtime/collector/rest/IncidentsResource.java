package io.downtime.collector.rest;

import io.downtime.collector.Incidents;
import io.downtime.collector.Incidents.Incident;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.RollingWindow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Comparator;
import java.util.List;

/** Incidents (down periods long enough to count) within the samples held in memory. */
@Path("/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    private final InstanceWindows windows;

    public IncidentsResource(InstanceWindows windows) {
        this.windows = windows;
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
        List<RollingWindow> selected = instance == null ? windows.all()
                : List.of(windows.get(instance).orElseThrow(() -> new NotFoundException("unknown instance '" + instance + "'")));
        return selected.stream()
                .flatMap(w -> Incidents.of(windows.series(w, Long.MIN_VALUE, Long.MAX_VALUE)).stream())
                .filter(i -> i.start().toEpochMilli() <= end && (i.end() == null || i.end().toEpochMilli() >= start))
                .sorted(Comparator.comparing(Incident::start))
                .toList();
    }
}

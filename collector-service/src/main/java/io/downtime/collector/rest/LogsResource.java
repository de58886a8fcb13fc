package io.downtime.collector.rest;

import io.downtime.admin.AdminOnly;
import io.downtime.collector.logs.LogBatchParser;
import io.downtime.collector.logs.LogCounters;
import io.downtime.collector.logs.LogEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Log lines from shippers (Fluent Bit's and Vector's HTTP outputs): a JSON array or newline-delimited JSON. A batch is
 * stored whole or not at all.
 */
@Path("/ingest/logs")
public class LogsResource {

    /**
     * @param accepted lines counted
     * @param dropped  lines dropped because too many instances are tracked
     */
    public record IngestResult(int accepted, int dropped) {
    }

    private final LogBatchParser parser;
    private final LogCounters counters;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter dropped;

    public LogsResource(LogBatchParser parser, LogCounters counters, MeterRegistry meters) {
        this.parser = parser;
        this.counters = counters;
        this.accepted = Counter.builder("downtime_collector_log_lines").tag("outcome", "accepted").register(meters);
        this.rejected = Counter.builder("downtime_collector_log_batches_rejected")
                .description("Log batches refused whole because a line was malformed; none of their lines were counted")
                .register(meters);
        this.dropped = Counter.builder("downtime_collector_log_lines").tag("outcome", "dropped").register(meters);
    }

    @POST
    @AdminOnly
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", "application/jsonlines", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public IngestResult ingest(String body) {
        List<LogEvent> events;
        try {
            events = parser.parse(body);
        } catch (RuntimeException e) {
            rejected.increment();
            throw e;
        }
        int kept = 0;
        for (LogEvent event : events) {
            if (counters.record(event)) {
                kept++;
            }
        }
        accepted.increment(kept);
        dropped.increment(events.size() - kept);
        return new IngestResult(kept, events.size() - kept);
    }
}

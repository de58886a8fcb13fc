package io.downtime.collector.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.downtime.problem.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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

    /** A log line as the default field names read it (others are configurable: host, instance, severity, log, ...). */
    @Schema(name = "LogLine")
    public record LogLine(String host, String level, String message, String timestamp) {
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
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @RequestBody(required = true, description = "Log lines: a JSON array of objects (Fluent Bit's http output), or "
            + "one JSON object a line as application/x-ndjson (Vector's http sink); instance, level, message and time "
            + "are found by configurable field names",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = LogLine.class), examples = @ExampleObject(name = "Fluent Bit",
                    value = "[{\"host\": \"web-1\", \"level\": \"error\", \"message\": \"Out of memory: Killed "
                            + "process 42\", \"timestamp\": \"2026-11-24T10:00:00Z\"}]")))
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

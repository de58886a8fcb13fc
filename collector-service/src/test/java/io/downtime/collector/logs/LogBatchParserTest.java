package io.downtime.collector.logs;

import io.downtime.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogBatchParserTest {

    private static final long NOW = 1_767_225_600_000L;
    private final LogBatchParser parser = new LogBatchParser(new LogBatchParser.Fields(
            List.of("instance", "host", "kubernetes.host"), List.of("level", "severity", "log.level"),
            List.of("message", "log", "msg"), List.of("timestamp", "time", "@timestamp", "date")), 5, () -> NOW);

    @Test
    void readsFluentBitsJsonArrayWithEpochSecondDates() {
        List<LogEvent> events = parser.parse("""
                [{"date": 1767225600.123, "host": "web-1", "log": "disk full", "severity": "ERROR"},
                 {"date": 1767225601, "kubernetes": {"host": "node-7"}, "log": "started", "level": "info"}]""");
        assertEquals(new LogEvent("web-1", NOW + 123, "ERROR", "disk full"), events.get(0));
        assertEquals(new LogEvent("node-7", NOW + 1000, "info", "started"), events.get(1));
    }

    @Test
    void readsVectorsNewlineDelimitedJsonWithIsoTimestamps() {
        List<LogEvent> events = parser.parse("""
                {"timestamp": "2026-01-01T00:00:05Z", "host": "db-2", "message": "slow query", "log": {"level": "warn"}}

                {"host": "db-2", "message": "no time given"}
                """);
        assertEquals(new LogEvent("db-2", NOW + 5000, "warn", "slow query"), events.get(0));
        assertEquals(new LogEvent("db-2", NOW, "", "no time given"), events.get(1), "arrival time, no level");
    }

    private InvalidInputException rejected(String body) {
        return assertThrows(InvalidInputException.class, () -> parser.parse(body));
    }

    @Test
    void aMalformedLineRejectsTheBatchNamingTheLine() {
        InvalidInputException error = rejected("""
                {"host": "a", "message": "ok"}
                {"host": "a", "message": "ok"}
                {"host": "a", "message": oops}
                """);
        assertEquals("line 3", error.field());
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
        assertEquals("line 2", rejected("[{\"host\": \"a\", \"message\": \"m\"}, 7]").field());
        assertEquals("line 1", rejected("{\"message\": \"whose?\"}").field());
        assertEquals("line 1", rejected("{\"host\": \"a\"}").field());
        assertEquals("line 1", rejected("{\"host\": \"a\\u0007b\", \"message\": \"m\"}").field());
        assertEquals("line 1", rejected("{\"host\": \"" + "x".repeat(254) + "\", \"message\": \"m\"}").field());
        assertEquals("line 1", rejected("{\"host\": \"a\", \"message\": \"m\", \"time\": \"yesterday\"}").field());
        assertEquals("line 1", rejected("{\"host\": \"a\", \"message\": \"m\", \"time\": -5}").field());
    }

    @Test
    void emptyBatchesInvalidJsonAndTooManyLinesAreRejected() {
        rejected("");
        rejected("  \n ");
        rejected("[{\"host\": ");
        rejected("{\"host\": \"a\", \"message\": \"m\"}\n".repeat(6));
        assertEquals(5, parser.parse("{\"host\": \"a\", \"message\": \"m\"}\n".repeat(5)).size());
    }
}

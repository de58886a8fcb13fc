package io.downtime.collector.logs;

/**
 * One log line of an instance, as the ingestion path understands it.
 *
 * @param instance  the instance the line came from
 * @param timestamp epoch milliseconds of the line
 * @param level     severity as sent (case-insensitive: error, warn, info, fatal, ...); may be empty
 * @param message   the text of the line
 */
public record LogEvent(String instance, long timestamp, String level, String message) {
}

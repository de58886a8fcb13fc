package io.downtime.collector.rest;

import io.downtime.problem.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters holding instants: ISO-8601, rejected with a 400 naming the parameter. */
final class InstantParam {

    private InstantParam() {
    }

    static long epochMillis(String field, String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}

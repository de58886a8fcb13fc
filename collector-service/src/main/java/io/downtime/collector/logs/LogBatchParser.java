package io.downtime.collector.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.problem.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Reads a batch of log lines as Fluent Bit's and Vector's HTTP outputs send them: a JSON array of objects, or
 * newline-delimited JSON objects. Field names are configurable, each a list of candidates tried in order (dotted
 * names reach into nested objects). The whole batch is parsed before anything is stored: the first bad line rejects
 * the batch with its number.
 */
public final class LogBatchParser {

    /** Candidate field names for each part of a line. */
    public record Fields(List<String> instance, List<String> level, List<String> message, List<String> time) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_INSTANCE_LENGTH = 253;

    private final Fields fields;
    private final int maxLines;
    private final LongSupplier now;

    public LogBatchParser(Fields fields, int maxLines, LongSupplier now) {
        this.fields = fields;
        this.maxLines = maxLines;
        this.now = now;
    }

    public List<LogEvent> parse(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(null, "the batch is empty: send a JSON array or newline-delimited JSON objects");
        }
        List<JsonNode> lines = text.startsWith("[") ? array(text) : ndjson(text);
        if (lines.size() > maxLines) {
            throw new InvalidInputException(null, "a batch may hold at most " + maxLines + " lines, got " + lines.size());
        }
        List<LogEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            events.add(event(lines.get(i), i + 1));
        }
        return events;
    }

    private List<JsonNode> array(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(null, "the batch is not valid JSON: " + e.getOriginalMessage());
        }
        List<JsonNode> lines = new ArrayList<>(root.size());
        root.forEach(lines::add);
        return lines;
    }

    private List<JsonNode> ndjson(String text) {
        List<JsonNode> lines = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\\r?\\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (lines.size() >= maxLines) {
                throw new InvalidInputException(null, "a batch may hold at most " + maxLines + " lines");
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("line " + number, "line " + number + " is not valid JSON: "
                        + e.getOriginalMessage());
            }
        }
        return lines;
    }

    private LogEvent event(JsonNode line, int number) {
        String where = "line " + number;
        if (!line.isObject()) {
            throw new InvalidInputException(where, where + " is not a JSON object");
        }
        String instance = text(line, fields.instance());
        if (instance == null || instance.isBlank()) {
            throw new InvalidInputException(where, where + " names no instance (looked for " + fields.instance() + ")");
        }
        if (instance.length() > MAX_INSTANCE_LENGTH || CONTROL.matcher(instance).find()) {
            throw new InvalidInputException(where, where + ": the instance must have 1 to " + MAX_INSTANCE_LENGTH
                    + " characters and no control characters");
        }
        String message = text(line, fields.message());
        if (message == null) {
            throw new InvalidInputException(where, where + " has no message (looked for " + fields.message() + ")");
        }
        String level = text(line, fields.level());
        return new LogEvent(instance, time(line, where), level == null ? "" : level, message);
    }

    private long time(JsonNode line, String where) {
        JsonNode value = find(line, fields.time());
        if (value == null || value.isNull()) {
            return now.getAsLong();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (!Double.isFinite(number) || number < 0) {
                throw new InvalidInputException(where, where + " has an invalid time " + value);
            }
            // Fluent Bit sends epoch seconds with a fraction; some shippers send milliseconds.
            return number < 1e11 ? Math.round(number * 1000) : Math.round(number);
        }
        try {
            return Instant.parse(value.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(where, where + " has a time that is neither epoch seconds nor ISO-8601: "
                    + value.asText());
        }
    }

    private static String text(JsonNode line, List<String> candidates) {
        JsonNode value = find(line, candidates);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static JsonNode find(JsonNode line, List<String> candidates) {
        for (String candidate : candidates) {
            JsonNode node = line;
            for (String part : candidate.split("\\.")) {
                node = node.path(part);
            }
            if (!node.isMissingNode()) {
                return node;
            }
        }
        return null;
    }
}

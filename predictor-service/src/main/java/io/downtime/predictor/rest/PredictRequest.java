package io.downtime.predictor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.problem.InvalidInputException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request to score one instance: its name, and optionally the features to score instead of its latest ones.
 * Parsed by hand from JSON so every rejection names the exact field.
 *
 * @param instance instance name: 1 to 253 characters, no control characters
 * @param features feature values by name (null values are missing), or null to use the latest features
 */
public record PredictRequest(String instance, Map<String, Double> features) {

    public static final int MAX_NAME_LENGTH = 253;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Set<String> FIELDS = Set.of("instance", "features");

    /** Parses {@code node}; {@code path} prefixes field names in errors (e.g. {@code [3].}). */
    public static PredictRequest parse(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidInputException(path.isEmpty() ? null : path, "a JSON object with an 'instance' is required");
        }
        if (!node.isObject()) {
            throw new InvalidInputException(path.isEmpty() ? null : path,
                    "expected a JSON object like {\"instance\": \"web-1\"}, got " + node.getNodeType().name().toLowerCase());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(path + name, "unknown field '" + name + "'; allowed: instance, features");
            }
        }
        return new PredictRequest(instance(node.get("instance"), path + "instance"),
                features(node.get("features"), path + "features"));
    }

    private static String instance(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw new InvalidInputException(field, "'instance' is required");
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'instance' must be a string");
        }
        String name = node.asText();
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "'instance' must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (CONTROL.matcher(name).find()) {
            throw new InvalidInputException(field, "'instance' must not contain control characters");
        }
        return name;
    }

    private static Map<String, Double> features(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field, "'features' must be an object of feature name to number");
        }
        Map<String, Double> features = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                features.put(entry.getKey(), null);
            } else if (!value.isNumber()) {
                throw new InvalidInputException(field + "." + entry.getKey(),
                        "feature '" + entry.getKey() + "' must be a number or null");
            } else if (!Double.isFinite(value.asDouble())) {
                throw new InvalidInputException(field + "." + entry.getKey(),
                        "feature '" + entry.getKey() + "' must be a finite number");
            } else {
                features.put(entry.getKey(), value.asDouble());
            }
        }
        return features;
    }
}

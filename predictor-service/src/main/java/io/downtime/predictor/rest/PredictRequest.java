package io.downtime.predictor.rest;

import io.downtime.problem.InvalidInputException;

import java.util.regex.Pattern;

/**
 * A request to score one instance: its name, and optionally the features to score instead of its latest ones.
 *
 * @param instance instance name: 1 to 253 characters, no control characters
 * @param features feature values in the served schema's order (NaN where missing), or null to use the latest
 *                 features from feature-service
 */
public record PredictRequest(String instance, double[] features) {

    public static final int MAX_NAME_LENGTH = 253;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Checks an instance name; {@code field} names it in the error. */
    static String validInstance(String name, String field) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(field, "'instance' must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (CONTROL.matcher(name).find()) {
            throw new InvalidInputException(field, "'instance' must not contain control characters");
        }
        return name;
    }
}

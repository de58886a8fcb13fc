package io.downtime.predictor.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.downtime.features.FeatureSchema;
import io.downtime.problem.InvalidInputException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code /predict} and {@code /predict/batch} bodies token by token, straight into feature vectors in the
 * served schema's order: no JSON tree, no map of boxed values. Every rejection names the exact field
 * ({@code features.cpu_last}, {@code [3].instance}); malformed JSON surfaces as Jackson's parse exception.
 */
final class PredictRequestReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final String EXAMPLE = "{\"instance\": \"web-1\"}";

    private final FeatureSchema schema;
    private final Map<String, Integer> positions;
    /** The feature names as JSON strings, in vector order, to match a body's names without decoding them. */
    private final SerializedString[] names;
    private final int size;

    /** @param schema the served model's features, in vector order */
    PredictRequestReader(FeatureSchema schema) {
        this.schema = schema;
        this.positions = schema.indexByName();
        this.names = schema.names().stream().map(SerializedString::new).toArray(SerializedString[]::new);
        this.size = names.length;
    }

    /** The schema this reader lays vectors out for. */
    FeatureSchema schema() {
        return schema;
    }

    /** Reads one request object. */
    PredictRequest readOne(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(null, "a JSON object like " + EXAMPLE + " is required");
            }
            PredictRequest request = readRequest(parser, first, -1);
            requireEnd(parser);
            return request;
        }
    }

    /** Reads an array of at most {@code limit} request objects. */
    List<PredictRequest> readBatch(byte[] body, int limit) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InvalidInputException(null, "expected a JSON array of requests like [" + EXAMPLE + "]");
            }
            List<PredictRequest> requests = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (requests.size() == limit) {
                    throw new InvalidInputException(null, "a batch may hold at most " + limit + " requests");
                }
                requests.add(readRequest(parser, token, requests.size()));
            }
            requireEnd(parser);
            return requests;
        }
    }

    private PredictRequest readRequest(JsonParser parser, JsonToken token, int index) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidInputException(index < 0 ? null : "[" + index + "]",
                    "expected a JSON object like " + EXAMPLE + ", got " + describe(token));
        }
        String instance = null;
        double[] features = null;
        boolean featuresSeen = false;
        for (JsonToken field = parser.nextToken(); field == JsonToken.FIELD_NAME; field = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "instance" -> {
                    requireOnce(instance != null, index, name);
                    instance = readInstance(parser, value, index);
                }
                case "features" -> {
                    requireOnce(featuresSeen, index, name);
                    featuresSeen = true;
                    features = readFeatures(parser, value, index);
                }
                default -> throw new InvalidInputException(path(index, name),
                        "unknown field '" + name + "'; allowed: instance, features");
            }
        }
        if (instance == null) {
            throw new InvalidInputException(path(index, "instance"), "'instance' is required");
        }
        return new PredictRequest(instance, features);
    }

    private static String readInstance(JsonParser parser, JsonToken value, int index) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            throw new InvalidInputException(path(index, "instance"), "'instance' is required");
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new InvalidInputException(path(index, "instance"), "'instance' must be a string, got " + describe(value));
        }
        return PredictRequest.validInstance(parser.getText(), path(index, "instance"));
    }

    private double[] readFeatures(JsonParser parser, JsonToken value, int index) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new InvalidInputException(path(index, "features"),
                    "'features' must be an object of feature name to number, got " + describe(value));
        }
        double[] vector = new double[size];
        Arrays.fill(vector, Double.NaN);
        boolean[] given = new boolean[size];
        for (int at = nextFeature(parser, 0, index); at >= 0; at = nextFeature(parser, at + 1, index)) {
            String name = names[at].getValue();
            if (given[at]) {
                throw new InvalidInputException(path(index, "features." + name), "feature '" + name + "' is given twice");
            }
            given[at] = true;
            JsonToken number = parser.nextToken();
            if (number == JsonToken.VALUE_NUMBER_FLOAT || number == JsonToken.VALUE_NUMBER_INT) {
                double x = parser.getDoubleValue();
                if (!Double.isFinite(x)) {
                    throw new InvalidInputException(path(index, "features." + name),
                            "feature '" + name + "' must be a finite number");
                }
                vector[at] = x;
            } else if (number != JsonToken.VALUE_NULL) {
                throw new InvalidInputException(path(index, "features." + name),
                        "feature '" + name + "' must be a number or null, got " + describe(number));
            }
        }
        return vector;
    }

    /**
     * The position of the body's next feature, or -1 at the end of the object. Clients send the features in the
     * schema's order (feature-service does), so the name at {@code expected} is tried first, compared as raw bytes;
     * only a name out of that order is decoded and looked up.
     */
    private int nextFeature(JsonParser parser, int expected, int index) throws IOException {
        if (expected < size) {
            if (parser.nextFieldName(names[expected])) {
                return expected;
            }
        } else {
            parser.nextToken();
        }
        if (parser.currentToken() != JsonToken.FIELD_NAME) {
            return -1;
        }
        String name = parser.currentName();
        Integer found = positions.get(name);
        if (found == null) {
            throw new InvalidInputException(path(index, "features." + name), "unknown feature '" + name
                    + "'; the model's features are listed at GET /models/champion");
        }
        return found;
    }

    private static void requireOnce(boolean seen, int index, String name) {
        if (seen) {
            throw new InvalidInputException(path(index, name), "field '" + name + "' is given twice");
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new InvalidInputException(null, "unexpected content after the end of the request");
        }
    }

    private static String path(int index, String field) {
        return index < 0 ? field : "[" + index + "]." + field;
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the body";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase();
        };
    }
}

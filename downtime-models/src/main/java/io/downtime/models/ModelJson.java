package io.downtime.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stored form of the models this project defines itself: JSON trees written and read field by field (no
 * reflection, so native images need no configuration), each tagged with its format so a file of another model type
 * is refused with a clear message.
 */
public final class ModelJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelJson() {
    }

    /** A new document of {@code format}. */
    public static ObjectNode document(String format) {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", format);
        return node;
    }

    public static byte[] bytes(ObjectNode document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored model embedded in another's document. */
    public static void embed(ObjectNode document, String field, byte[] stored) {
        try {
            document.set(field, JSON.readTree(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored form of a model embedded with {@link #embed}. */
    public static byte[] embedded(JsonNode document, String field) {
        try {
            return JSON.writeValueAsBytes(document.path(field));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a stored model of {@code format}; throws {@link IllegalArgumentException} when it is anything else. */
    public static JsonNode parse(byte[] content, String format) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored " + format + " model is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !format.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("stored model is not of format " + format + " but '"
                    + (root == null ? "" : root.path("format").asText()) + "'");
        }
        return root;
    }

    public static void put(ObjectNode node, String field, double[] values) {
        ArrayNode array = node.putArray(field);
        for (double v : values) {
            array.add(v);
        }
    }

    public static void put(ObjectNode node, String field, int[] values) {
        ArrayNode array = node.putArray(field);
        for (int v : values) {
            array.add(v);
        }
    }

    public static void put(ObjectNode node, String field, boolean[] values) {
        ArrayNode array = node.putArray(field);
        for (boolean v : values) {
            array.add(v);
        }
    }

    public static double[] doubles(JsonNode node, String field) {
        JsonNode array = array(node, field);
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    public static int[] ints(JsonNode node, String field) {
        JsonNode array = array(node, field);
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    public static boolean[] booleans(JsonNode node, String field) {
        JsonNode array = array(node, field);
        boolean[] values = new boolean[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asBoolean();
        }
        return values;
    }

    public static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("stored model has no number '" + field + "'");
        }
        return value.asDouble();
    }

    public static void put(ObjectNode node, String field, ColumnScaling scaling) {
        ObjectNode child = node.putObject(field);
        put(child, "means", scaling.means());
        put(child, "stds", scaling.stds());
    }

    public static ColumnScaling scaling(JsonNode node, String field) {
        JsonNode child = node.path(field);
        return new ColumnScaling(doubles(child, "means"), doubles(child, "stds"));
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("stored model has no array '" + field + "'");
        }
        return array;
    }
}

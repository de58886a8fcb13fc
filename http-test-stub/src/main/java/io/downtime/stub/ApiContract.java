package io.downtime.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a service promises its neighbours: the {@code paths} and {@code components} of its OpenAPI document,
 * committed under {@code docs/api/} so that a change of the API shows in review. Three checks hold it together:
 * the service's own test compares its live document with the committed one ({@link #assertDescribes}) and its real
 * responses with the schemas ({@link #violations}); every stub a neighbour's tests put in its place serves only what
 * the contract allows ({@link HttpStub#honouring}), every property present, no property or enumerated value of its
 * own; and the neighbour's client records read only properties the contract has ({@link #recordViolations}).
 *
 * <p>A JSON {@code null} is accepted for any property: the documents do not say which ones may be null.
 */
public final class ApiContract {

    /** The system property that makes {@link #assertDescribes} write the live document instead of failing. */
    public static final String WRITE_PROPERTY = "downtime.api.write";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final String name;
    private final JsonNode document;

    private ApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
    }

    /** The contract of {@code service} ("predictor-service"), read from {@code docs/api/} of the project. */
    public static ApiContract of(String service) {
        Path file = file(service);
        try {
            return new ApiContract(service, JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API contract " + file, e);
        }
    }

    /** A contract from the text of an OpenAPI document (its {@code paths} and {@code components}). */
    static ApiContract parse(String service, String document) throws IOException {
        return new ApiContract(service, JSON.readTree(document));
    }

    /** {@code docs/api/<service>.json}, found from the module directory a test runs in or the project's root. */
    static Path file(String service) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("api").resolve(service + ".json");
            if (Files.isRegularFile(candidate) || Files.isRegularFile(dir.resolve("bin").resolve("test"))) {
                return candidate;
            }
        }
        return here.resolve("docs").resolve("api").resolve(service + ".json");
    }

    /**
     * Fails unless the live OpenAPI document at {@code baseUrl} has the committed contract's paths and components;
     * with {@code -Ddowntime.api.write=true} it writes the live one instead (then review the difference).
     */
    public static void assertDescribes(String service, String baseUrl) throws IOException, InterruptedException {
        ObjectNode live = JSON.createObjectNode();
        JsonNode fetched = OpenApiCheck.fetch(baseUrl);
        live.set("paths", fetched.path("paths"));
        live.set("components", fetched.path("components"));
        String text = JSON.writeValueAsString(JSON.treeToValue(live, Object.class)) + "\n";
        Path file = file(service);
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return;
        }
        String committed = Files.isRegularFile(file) ? Files.readString(file) : "";
        if (!committed.equals(text)) {
            throw new AssertionError("the API of " + service + " differs from its contract " + file.getFileName()
                    + " (docs/api): if the change is meant, run its tests with -D" + WRITE_PROPERTY
                    + "=true, review the difference and commit it; its neighbours' stubs are checked against it");
        }
    }

    /**
     * What is wrong with answering {@code method path} (a request path such as {@code /models/000002}) with
     * {@code status} and {@code json}: one line each; empty when the contract allows it. A path or status the
     * contract does not have is a violation; so is a body that does not parse.
     */
    public List<String> violations(String method, String path, int status, String json) {
        List<String> problems = new ArrayList<>();
        String where = method + " " + path + " " + status;
        Optional<JsonNode> operation = operation(method, path);
        if (operation.isEmpty()) {
            problems.add(where + ": " + name + " has no such operation");
            return problems;
        }
        JsonNode response = operation.get().path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            problems.add(where + ": " + name + " does not answer " + status + " there");
            return problems;
        }
        JsonNode schema = response.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return problems;
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (IOException e) {
            problems.add(where + ": the body is not JSON: " + e.getMessage());
            return problems;
        }
        check(schema, body, "$", where, problems);
        return problems;
    }

    /** Fails with every violation of {@link #violations}. */
    public void assertAllows(String method, String path, int status, String json) {
        List<String> problems = violations(method, path, status, json);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /**
     * What a client record reads that the contract's schema {@code schemaName} does not serve: a component with no
     * property of its name, or of another type. Records inside it are checked against the property's schema.
     */
    public List<String> recordViolations(Class<? extends Record> record, String schemaName) {
        List<String> problems = new ArrayList<>();
        JsonNode schema = document.path("components").path("schemas").path(schemaName);
        if (schema.isMissingNode()) {
            problems.add(name + " has no schema " + schemaName);
            return problems;
        }
        checkRecord(record, schema, record.getSimpleName(), problems);
        return problems;
    }

    private void checkRecord(Class<?> record, JsonNode schema, String where, List<String> problems) {
        JsonNode properties = resolve(schema).path("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.path(component.getName());
            String at = where + "." + component.getName();
            if (property.isMissingNode()) {
                problems.add(at + ": " + name + " serves no such property");
            } else {
                checkType(component.getGenericType(), property, at, problems);
            }
        }
    }

    private void checkType(Type type, JsonNode schema, String where, List<String> problems) {
        JsonNode resolved = resolve(schema);
        String expected = resolved.path("type").asText("");
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (JsonNode.class.isAssignableFrom(raw) || expected.isEmpty()) {
            return;
        }
        String actual;
        if (raw == String.class || raw == Instant.class || raw.isEnum()) {
            actual = "string";
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            actual = expected.equals("integer") ? "integer" : "number";
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            actual = "integer";
        } else if (raw == boolean.class || raw == Boolean.class) {
            actual = "boolean";
        } else if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            actual = "array";
        } else {
            actual = "object";
        }
        if (!actual.equals(expected)) {
            problems.add(where + ": read as " + actual + ", served as " + expected);
            return;
        }
        if (raw.isRecord()) {
            checkRecord(raw, resolved, where, problems);
        } else if (actual.equals("array") && type instanceof ParameterizedType p) {
            checkType(p.getActualTypeArguments()[0], resolved.path("items"), where + "[]", problems);
        } else if (actual.equals("array") && raw.isArray()) {
            checkType(raw.getComponentType(), resolved.path("items"), where + "[]", problems);
        }
    }

    private Optional<JsonNode> operation(String method, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            if (matches(entry.getKey(), path) && entry.getValue().has(method.toLowerCase())) {
                return Optional.of(entry.getValue().path(method.toLowerCase()));
            }
        }
        return Optional.empty();
    }

    /** Whether request path {@code path} is an instance of template {@code template} ({@code /models/{version}}). */
    static boolean matches(String template, String path) {
        String[] want = template.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean variable = want[i].startsWith("{") && want[i].endsWith("}");
            if (variable ? have[i].isEmpty() : !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String ref = resolved.path("$ref").asText();
            resolved = document.at(ref.substring(1));
        }
        return resolved;
    }

    private void check(JsonNode schema, JsonNode value, String at, String where, List<String> problems) {
        JsonNode resolved = resolve(schema);
        if (value.isNull()) {
            return;
        }
        String type = resolved.path("type").asText("");
        String wrong = where + ": " + at + " is " + kind(value) + " where " + name + " serves " + type;
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(wrong);
                    return;
                }
                checkObject(resolved, value, at, where, problems);
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(wrong);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(resolved.path("items"), value.get(i), at + "[" + i + "]", where, problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(wrong);
                    return;
                }
                checkString(resolved, value.asText(), at, where, problems);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(wrong);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(wrong);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(wrong);
                }
            }
            default -> {
                // No type: the contract says nothing about the value.
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, String where, List<String> problems) {
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        Set<String> missing = new TreeSet<>();
        properties.fieldNames().forEachRemaining(missing::add);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            missing.remove(field.getKey());
            JsonNode property = properties.path(field.getKey());
            String fieldAt = at + "." + field.getKey();
            if (!property.isMissingNode()) {
                check(property, field.getValue(), fieldAt, where, problems);
            } else if (additional.isObject()) {
                check(additional, field.getValue(), fieldAt, where, problems);
            } else if (properties.size() > 0 && !additional.asBoolean(false)) {
                problems.add(where + ": " + fieldAt + " is not a property " + name + " serves");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(where + ": " + at + " lacks " + missing + ", which " + name + " always serves");
        }
    }

    private void checkString(JsonNode schema, String text, String at, String where, List<String> problems) {
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray()) {
            boolean listed = false;
            for (JsonNode option : allowed) {
                listed |= option.asText().equals(text);
            }
            if (!listed) {
                problems.add(where + ": " + at + " is \"" + text + "\", not one of " + allowed);
            }
        }
        if (schema.path("format").asText("").equals("date-time")) {
            try {
                Instant.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(where + ": " + at + " is \"" + text + "\", not a date-time");
            }
        }
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}

package io.downtime.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a service's endpoints malformed, mistyped, hostile and oversized input and records every answer that breaks
 * the rules: a {@code 5xx}; no answer within {@link #TIMEOUT} (a hang); a {@code 4xx} that is not
 * {@code application/problem+json} with a {@code detail} (for the web UI's pages: an HTML page without an alert
 * saying what is wrong); or a success for input that is valid nowhere (a body that is not JSON, over the size limit,
 * or sent as XML). Odd but valid input (an unknown instance name, a number at the edge of its range) may
 * succeed. Deterministic for a seed, so a failure reproduces.
 */
public final class EndpointFuzzer {

    /** How a web UI page marks what is wrong. */
    static final String ALERT = "role=\"alert\"";
    /** Longer than any honest answer to a bad request. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Over every service's 10 MiB body limit. */
    private static final int HUGE_BODY_BYTES = 11 * 1024 * 1024;
    private static final int RANDOM_CASES = 60;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings that have broken parsers, templates, queries and file systems. */
    static final List<String> ODD_STRINGS = List.of("", " ", "x".repeat(5000), "\u0000", "a\u0001b", "\u202eevil",
            "\uD83D\uDE00".repeat(50), "Ω≈ç√∫", "../../etc/passwd", "%", "%00", "<script>alert(1)</script>",
            "\"} or vector(1) #", "' OR 1=1 --", "${jndi:ldap://x/a}", "{{7*7}}", "NaN", "-1", "1e999",
            "99999999999999999999999999", "null", "true", "[]", "{}");

    /** Bodies that are not JSON, or JSON no endpoint accepts as a whole. */
    /** Bodies that are not JSON at all: no endpoint may accept one. */
    static final List<String> MALFORMED_BODIES = List.of("", " ", "{", "}", "[", "]", "[1,", "{\"a\":}", "{\"a\" 1}",
            "{'a': 1}", "{\"a\": 1,}", "nul", "tru", "NaN", "Infinity", "-Infinity", "{\"a\": NaN}", "{\"a\": -Infinity}",
            "1e999999", "-", "\"unterminated", "\"\\uD800\"", "\"\\u00\"", "\u0000", "\uFEFF{}", "<xml/>",
            "[".repeat(10_000) + "]".repeat(10_000) + "]", "{\"a\":".repeat(5_000) + "1" + "}".repeat(4_999));
    /** JSON of the wrong shape for most endpoints, but some (an empty list) may be valid input somewhere. */
    static final List<String> MISSHAPEN_BODIES = List.of("[".repeat(10_000) + "]".repeat(10_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), "null", "true", "0", "-1", "1e308", "\"text\"", "[]",
            "{}", "[null]", "[[]]", "[{}]");

    /** Values put in place of each part of a valid body. */
    private static final List<JsonNode> HOSTILE_VALUES = List.of(NODES.nullNode(), NODES.booleanNode(true),
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(new java.math.BigInteger("9".repeat(400))), NODES.numberNode(1.7976931348623157e308),
            NODES.numberNode(-4.9e-324), NODES.textNode(""), NODES.textNode("x".repeat(10_000)),
            NODES.textNode("\u0000\u0001"), NODES.textNode("<script>alert(1)</script>"),
            NODES.textNode("\"} or vector(1) #"), NODES.textNode("\uD83D\uDE00\u202e"), NODES.arrayNode(),
            NODES.objectNode(), NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode())));

    /**
     * An endpoint to fuzz.
     *
     * @param method      HTTP method
     * @param path        path, with {@code {name}} for path parameters
     * @param contentType content type of {@code validBody}; null without a body
     * @param validBody   a body the endpoint accepts, mutated by the fuzzer; null without a body
     * @param parameters  query parameters the endpoint reads
     */
    public record Endpoint(String method, String path, String contentType, String validBody, List<String> parameters) {

        public static Endpoint get(String path, String... parameters) {
            return new Endpoint("GET", path, null, null, List.of(parameters));
        }

        public static Endpoint post(String path, String... parameters) {
            return new Endpoint("POST", path, null, null, List.of(parameters));
        }

        public static Endpoint postJson(String path, String validBody, String... parameters) {
            return new Endpoint("POST", path, "application/json", validBody, List.of(parameters));
        }

        public static Endpoint postForm(String path, String validBody) {
            return new Endpoint("POST", path, "application/x-www-form-urlencoded", validBody, List.of());
        }

        boolean json() {
            return "application/json".equals(contentType);
        }

        boolean form() {
            return "application/x-www-form-urlencoded".equals(contentType);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final String base;
    private final boolean htmlErrorsAllowed;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SplittableRandom random;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    /**
     * @param baseUrl           the service, e.g. {@code http://localhost:8081}
     * @param seed              seed of the random cases
     * @param htmlErrorsAllowed whether a 4xx may be an HTML page instead of a problem (the web UI's pages)
     */
    public EndpointFuzzer(String baseUrl, long seed, boolean htmlErrorsAllowed) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.random = new SplittableRandom(seed);
        this.htmlErrorsAllowed = htmlErrorsAllowed;
    }

    /** Sends every case of {@code endpoint}. */
    public EndpointFuzzer fuzz(Endpoint endpoint) {
        long started = System.nanoTime();
        int before = requests;
        fuzzCases(endpoint);
        System.out.printf("fuzzed %s: %d requests in %d ms%n", endpoint, requests - before,
                (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    private void fuzzCases(Endpoint endpoint) {
        String path = PATH_PARAMETER.matcher(endpoint.path()).replaceAll("x");
        for (String odd : ODD_STRINGS) {
            if (PATH_PARAMETER.matcher(endpoint.path()).find()) {
                send(endpoint, PATH_PARAMETER.matcher(endpoint.path()).replaceAll(Matcher.quoteReplacement(
                        URLEncoder.encode(odd, StandardCharsets.UTF_8).replace("+", "%20"))), validOrNone(endpoint));
            }
            for (String parameter : endpoint.parameters()) {
                send(endpoint, path + "?" + parameter + "=" + URLEncoder.encode(odd, StandardCharsets.UTF_8),
                        validOrNone(endpoint));
            }
        }
        if (endpoint.method().equals("POST")) {
            fuzzBodies(endpoint, path);
        }
    }

    private Body validOrNone(Endpoint endpoint) {
        return endpoint.validBody() == null ? Body.NONE : new Body(endpoint.contentType(), endpoint.validBody());
    }

    private void fuzzBodies(Endpoint endpoint, String path) {
        String type = endpoint.contentType() == null ? "application/json" : endpoint.contentType();
        for (String body : MALFORMED_BODIES) {
            if (endpoint.json()) {
                sendBad(endpoint, path, new Body(type, body));
            } else {
                send(endpoint, path, new Body(type, body));
            }
        }
        for (String body : MISSHAPEN_BODIES) {
            send(endpoint, path, new Body(type, body));
        }
        for (int i = 0; i < RANDOM_CASES; i++) {
            send(endpoint, path, new Body(type, randomJson(0).toString()));
            send(endpoint, path, new Body(type, randomText()));
        }
        sendBad(endpoint, path, new Body(type, "[\"" + "x".repeat(HUGE_BODY_BYTES) + "\"]"));
        if (endpoint.validBody() != null) {
            // Some endpoints take text/plain on purpose (log shippers): not bad everywhere.
            send(endpoint, path, new Body("text/plain", endpoint.validBody()));
            sendBad(endpoint, path, new Body("application/xml", "<a/>"));
        }
        if (endpoint.form()) {
            String[] fields = endpoint.validBody().split("&");
            for (int i = 0; i < fields.length; i++) {
                String name = fields[i].substring(0, fields[i].indexOf('='));
                for (String odd : ODD_STRINGS) {
                    String[] mutant = fields.clone();
                    mutant[i] = name + "=" + URLEncoder.encode(odd, StandardCharsets.UTF_8);
                    send(endpoint, path, new Body(type, String.join("&", mutant)));
                }
            }
        }
        if (endpoint.json()) {
            JsonNode valid;
            try {
                valid = JSON.readTree(endpoint.validBody());
            } catch (IOException e) {
                throw new IllegalArgumentException("the valid body of " + endpoint + " is not JSON", e);
            }
            for (JsonNode mutant : mutants(valid)) {
                send(endpoint, path, new Body(type, mutant.toString()));
            }
            String text = valid.toString();
            if (text.startsWith("{\"")) {
                // the first field again, with another value: a duplicate key
                send(endpoint, path, new Body(type, "{\"" + text.substring(2, text.indexOf('"', 2)) + "\":1," + text.substring(1)));
            }
        }
    }

    /** The valid body with each part in turn replaced by each hostile value, removed, or joined by an unknown field. */
    private List<JsonNode> mutants(JsonNode valid) {
        List<JsonNode> mutants = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            for (JsonNode value : HOSTILE_VALUES) {
                mutants.add(replaced(valid, path, value));
            }
            if (!path.isEmpty()) {
                mutants.add(replaced(valid, path, null));
            }
        }
        if (valid.isObject()) {
            ObjectNode extra = valid.deepCopy();
            extra.put("unexpected\u0000field", 1);
            mutants.add(extra);
        }
        return mutants;
    }

    private static void collectPaths(JsonNode node, List<Object> at, List<List<Object>> paths) {
        paths.add(List.copyOf(at));
        if (paths.size() > 200) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                at.add(name);
                collectPaths(node.get(name), at, paths);
                at.remove(at.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                at.add(i);
                collectPaths(node.get(i), at, paths);
                at.remove(at.size() - 1);
            }
        }
    }

    /** A copy of {@code root} with the node at {@code path} replaced by {@code value}, or removed when it is null. */
    private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove((String) last);
            } else {
                object.set((String) last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove((Integer) last);
            } else {
                array.set((Integer) last, value);
            }
        }
        return copy;
    }

    private JsonNode randomJson(int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(-5, 300)));
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.textNode(ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(random.nextBoolean() ? "instance" : ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size())),
                            randomJson(depth + 1));
                }
                yield object;
            }
        };
    }

    private String randomText() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(200); i > 0; i--) {
            text.append((char) random.nextInt(random.nextBoolean() ? 128 : 0xD800));
        }
        return text.toString();
    }

    private record Body(String contentType, String content) {
        static final Body NONE = new Body(null, null);
    }

    private void send(Endpoint endpoint, String path, Body body) {
        send(endpoint, path, body, false);
    }

    /** Sends input no endpoint may accept: it must be refused (a 4xx, or a web page that says what is wrong). */
    private void sendBad(Endpoint endpoint, String path, Body body) {
        send(endpoint, path, body, true);
    }

    private void send(Endpoint endpoint, String path, Body body, boolean certainlyBad) {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (body.content() == null) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.contentType())
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body.content(), StandardCharsets.UTF_8));
        }
        String what = endpoint.method() + " " + abbreviate(path) + (body.content() == null ? ""
                : " with " + body.contentType() + " body " + abbreviate(body.content()));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.add(what + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        check(what, response, certainlyBad);
    }

    private void check(String what, HttpResponse<String> response, boolean certainlyBad) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean page = htmlErrorsAllowed && type.startsWith("text/html");
        boolean saysWhatIsWrong = page && response.body().contains(ALERT);
        if (status >= 500) {
            failures.add(what + ": " + status + " " + abbreviate(response.body()));
        } else if (status < 400) {
            if (certainlyBad && !saysWhatIsWrong) {
                failures.add(what + ": " + status + ", input that is not valid anywhere was accepted: "
                        + abbreviate(response.body()));
            }
        } else {
            if (page) {
                if (!saysWhatIsWrong) {
                    failures.add(what + ": " + status + " page that does not say what is wrong (no " + ALERT + "): "
                            + abbreviate(response.body()));
                }
                return;
            }
            if (!type.startsWith("application/problem+json")) {
                failures.add(what + ": " + status + " as '" + type + "', not application/problem+json: "
                        + abbreviate(response.body()));
                return;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("detail").asText("").isBlank() && problem.path("title").asText("").isBlank()) {
                    failures.add(what + ": " + status + " problem without detail: " + abbreviate(response.body()));
                }
            } catch (IOException e) {
                failures.add(what + ": " + status + " problem that is not JSON: " + abbreviate(response.body()));
            }
        }
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "... (" + flat.length() + " chars)";
    }

    /** How many requests were sent. */
    public int requests() {
        return requests;
    }

    /** Every answer that broke the rules, one line each. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Throws listing the first failures, if there are any. */
    public void assertNoFailures() {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + requests + " fuzzed requests broke the rules:\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        }
    }
}

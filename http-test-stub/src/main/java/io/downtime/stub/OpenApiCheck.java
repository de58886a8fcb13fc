package io.downtime.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a service's OpenAPI document says what each operation can answer: a success, {@code 400}
 * everywhere (an unknown query parameter is refused), {@code 413} and a request body with a schema and an example where it takes a body, {@code 404} where its
 * path names something, {@code 401} where it needs the admin token, {@code 500} everywhere, and every error as
 * {@code application/problem+json} of the {@code Problem} schema.
 */
public final class OpenApiCheck {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiCheck() {
    }

    /** The document at {@code baseUrl}/q/openapi. */
    public static JsonNode fetch(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl.replaceAll("/+$", "") + "/q/openapi?format=json")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    /**
     * Fails unless the document at {@code baseUrl} lists operations, says everything {@link #problems} checks, and
     * requires the admin token of exactly {@code admin} (as "POST /models/train").
     */
    public static void assertComplete(String baseUrl, Set<String> admin) throws IOException, InterruptedException {
        JsonNode document = fetch(baseUrl);
        if (document.path("paths").size() == 0) {
            throw new AssertionError("the OpenAPI document lists no operation");
        }
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new AssertionError("the OpenAPI document leaves out:\n" + String.join("\n", problems));
        }
        if (!adminOperations(document).equals(admin)) {
            throw new AssertionError("admin operations " + adminOperations(document) + ", expected " + admin);
        }
    }

    /** Every shortcoming, one line each ("POST /predict: no 400"); empty when the document says it all. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        if (document.path("components").path("schemas").path("Problem").isMissingNode()) {
            problems.add("no Problem schema");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    check(op.getKey().toUpperCase() + " " + path.getKey(), path.getKey(), op.getValue(), problems);
                }
            }
        }
        return problems;
    }

    /** The operations that need the admin token, as "POST /models/train". */
    public static Set<String> adminOperations(JsonNode document) {
        Set<String> admin = new java.util.TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            for (JsonNode requirement : op.getValue().path("security")) {
                if (requirement.has("admin-token")) {
                    admin.add(op.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }));
        return admin;
    }

    private static void check(String name, String path, JsonNode operation, List<String> problems) {
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            success |= code.startsWith("2");
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode problem = responses.path(code).path("content").path("application/problem+json");
                if (problem.isMissingNode()) {
                    problems.add(name + ": " + code + " is not application/problem+json");
                }
            }
        }
        if (!success) {
            problems.add(name + ": no success response");
        }
        boolean body = operation.has("requestBody");
        require(responses, "500", name, problems);
        require(responses, "400", name, problems);
        if (body) {
            require(responses, "413", name, problems);
            for (Iterator<Map.Entry<String, JsonNode>> media = operation.path("requestBody").path("content").fields();
                 media.hasNext(); ) {
                Map.Entry<String, JsonNode> type = media.next();
                if (!type.getValue().has("example") && !type.getValue().has("examples")) {
                    problems.add(name + ": its " + type.getKey() + " body has no example");
                }
            }
            if (operation.path("requestBody").path("content").size() == 0) {
                problems.add(name + ": its body is not described");
            }
        }
        if (path.contains("{")) {
            require(responses, "404", name, problems);
        }
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("admin-token")) {
                require(responses, "401", name, problems);
            }
        }
    }

    private static void require(JsonNode responses, String code, String name, List<String> problems) {
        if (!responses.has(code)) {
            problems.add(name + ": no " + code);
        }
    }
}

package io.downtime.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Stands in for a neighbouring service in a service's tests: answers each path with what a handler returns for the
 * request URI. Used only where the real service cannot run inside the test; the system tests run the real ones.
 */
public final class HttpStub implements AutoCloseable {

    /** A response: status, content type, body and any further headers. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {

        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        public static Reply notFound() {
            return new Reply(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
        }
    }

    static {
        // Without TCP_NODELAY, headers and body leave as two segments and delayed ACKs add ~40 ms to every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One client for every check: its connections are reused. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final Map<String, BiFunction<URI, String, Reply>> routes = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile ApiContract contract;
    private final int port;
    private HttpServer server;

    public HttpStub() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) {
        HttpServer listening;
        try {
            listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP stub", e);
        }
        listening.createContext("/", this::handle);
        listening.start();
        return listening;
    }

    /** Stops listening: connections are refused, as when the service is down. */
    public synchronized void goDown() {
        server.stop(0);
        server = null;
    }

    /** Listens again on the same port with the same routes. */
    public synchronized void comeBack() {
        server = listen(port);
    }

    /** {@link #comeBack()} unless it is up. */
    public synchronized void comeBackIfDown() {
        if (server == null) {
            comeBack();
        }
    }

    /** Answers requests whose path is exactly {@code path}. */
    public HttpStub on(String path, Function<URI, Reply> handler) {
        routes.put(path, (uri, body) -> handler.apply(uri));
        return this;
    }

    /** Answers requests whose path is exactly {@code path}, from their URI and body. */
    public HttpStub onRequest(String path, BiFunction<URI, String, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    /**
     * Checks every JSON answer against the contract of the service this stub stands for: an answer the real service
     * could not give is replaced by a {@code 500} problem naming what is wrong, and kept in {@link #violations()}.
     */
    public HttpStub honouring(ApiContract serviceContract) {
        this.contract = serviceContract;
        return this;
    }

    /** What the stub was asked to serve that its contract does not allow, one line each. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * Asks this stub {@code method target} ({@code target} a path with an optional query; {@code body} for a POST,
     * else null) and fails unless it answers 200 with what its contract allows ({@link #honouring}).
     */
    public void assertHonours(String method, String target, String body) {
        if (contract == null) {
            throw new IllegalStateException("this stub is not checked against a contract (honouring)");
        }
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + target))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            response = CLIENT.send(request.header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(method + " " + target + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        BiFunction<URI, String, Reply> handler = routes.get(uri.getPath());
        Reply reply = handler == null ? Reply.notFound() : handler.apply(uri, requestBody);
        reply = checked(exchange.getRequestMethod(), uri.getPath(), reply);
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private Reply checked(String method, String path, Reply reply) {
        ApiContract checking = contract;
        if (checking == null || reply.status() >= 300 || !reply.contentType().startsWith("application/json")) {
            return reply;
        }
        List<String> problems = checking.violations(method, path, reply.status(), reply.body());
        if (problems.isEmpty()) {
            return reply;
        }
        violations.addAll(problems);
        System.err.println("stub answer breaks the contract:\n" + String.join("\n", problems));
        String detail = String.join("; ", problems).replace("\\", "\\\\").replace("\"", "\\\"");
        return new Reply(500, "application/problem+json",
                "{\"status\":500,\"title\":\"Stub breaks its contract\",\"detail\":\"" + detail + "\"}");
    }

    /** The value of query parameter {@code name} in {@code uri}, or null. */
    public static String query(URI uri, String name) {
        String query = uri.getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}

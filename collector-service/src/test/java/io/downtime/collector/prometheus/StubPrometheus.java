package io.downtime.collector.prometheus;

import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Prometheus HTTP API that can be switched between answering, failing (503) and answering too late, counting the range queries it gets.
 * Answering, every query but {@value #DOWN} yields one series for instance {@code srv-1}, value 1 at every step. Tests
 * steer it over HTTP ({@code /control/fail}, {@code /control/slow}, {@code /control/answer}, {@code /control/queries}): test resources live in
 * another class loader than the tests, so a shared static field would not be shared.
 */
public class StubPrometheus implements QuarkusTestResourceLifecycleManager {

    static final String DOWN = "down_marker";
    /** How long a slow store takes to answer: longer than the collector's read timeout in these tests. */
    static final long SLOW_MILLIS = 1500;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean slow = new AtomicBoolean();
    private final AtomicInteger queries = new AtomicInteger();

    private HttpStub stub;

    /** The {@code timeout} parameter of the last query_range: collector.prometheus.timeout. */
    private final java.util.concurrent.atomic.AtomicReference<String> lastTimeout =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public Map<String, String> start() {
        stub = new HttpStub()
                .on("/control/fail", uri -> control(() -> failing.set(true)))
                .on("/control/slow", uri -> control(() -> slow.set(true)))
                .on("/control/answer", uri -> control(() -> {
                    failing.set(false);
                    slow.set(false);
                }))
                .on("/control/queries", uri -> HttpStub.Reply.json(Integer.toString(queries.get())))
                .on("/control/timeout", uri -> HttpStub.Reply.json("\"" + lastTimeout.get() + "\""));
        stub.onRequest("/api/v1/query_range", (uri, body) -> {
            queries.incrementAndGet();
            if (slow.get()) {
                sleep(SLOW_MILLIS);
            }
            if (failing.get()) {
                return new HttpStub.Reply(503, "application/json",
                        "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"overloaded\"}");
            }
            Map<String, String> form = form(body);
            lastTimeout.set(form.get("timeout"));
            StringBuilder values = new StringBuilder();
            if (!DOWN.equals(form.get("query"))) {
                double start = Double.parseDouble(form.get("start"));
                double end = Double.parseDouble(form.get("end"));
                double step = Double.parseDouble(form.get("step"));
                for (double t = start; t <= end + 1e-9; t += step) {
                    values.append(values.isEmpty() ? "" : ",").append("[").append(t).append(",\"1\"]");
                }
            }
            String result = values.isEmpty() ? "" : "{\"metric\":{\"instance\":\"srv-1\"},\"values\":[" + values + "]}";
            return HttpStub.Reply.json("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[" + result + "]}}");
        });
        return Map.of(
                "collector.source", "prometheus",
                "collector.prometheus.url", stub.url(),
                "collector.prometheus.down-expression", DOWN,
                "collector.prometheus.lookback", "10s",
                "collector.step", "1s",
                "collector.simulator.enabled", "false",
                "collector.prometheus.timeout", "4s",
                "quarkus.rest-client.prometheus.read-timeout", "500",
                "io.downtime.collector.prometheus.PrometheusHttpApi/queryRange/CircuitBreaker/delay", "3");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HttpStub.Reply control(Runnable change) {
        change.run();
        return HttpStub.Reply.json("{}");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void stop() {
        stub.close();
    }
}

package io.downtime.system;

import io.downtime.stub.ServiceProcess;
import io.downtime.stub.SystemTool;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production path with a real Prometheus: Prometheus scrapes the simulated fleet's node-exporter targets; a
 * second collector reads the fleet back through Prometheus' HTTP API with the default signal queries; the values
 * match what the simulator produced.
 */
class PrometheusRoundTripIT {

    private static final List<String> INSTANCES = List.of("web-1", "api-1", "db-1", "cache-1", "worker-1");
    /** An instance label that would, pasted into a query unescaped, end the matcher and add a series of its own. */
    /** Samples read back before the comparison starts (one a second). */
    private static final int ENOUGH = 15;
    private static final String HOSTILE = "evil\"} or vector(1) #";

    private static ServiceProcess simulator;
    private static PrometheusServer prometheus;
    private static ServiceProcess reader;

    @BeforeAll
    static void start() throws Exception {
        SystemTool.require("prometheus", "prometheus");
        simulator = PackagedService.start("collector-service", Map.of(
                "collector.simulator.servers", "5", "collector.step", "1s", "collector.simulator.history", "1m"));
        simulator.awaitReady(Duration.ofSeconds(60));
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: node
                    static_configs:
                """);
        for (String instance : INSTANCES) {
            config.append("      - targets: ['127.0.0.1:").append(simulator.port()).append("']\n")
                    .append("        labels: {__metrics_path__: '/sim/targets/").append(instance)
                    .append("/metrics', instance: '").append(instance).append("'}\n");
        }
        config.append("      - targets: ['127.0.0.1:").append(simulator.port()).append("']\n")
                .append("        labels: {__metrics_path__: '/sim/targets/web-1/metrics', instance: '").append(HOSTILE)
                .append("'}\n");
        prometheus = PrometheusServer.start(config.toString());
        reader = PackagedService.start("collector-service", Map.of(
                "collector.source", "prometheus", "collector.prometheus.url", prometheus.url(),
                "collector.simulator.enabled", "false", "collector.step", "1s", "collector.prometheus.lookback", "1m"));
        reader.awaitReady(Duration.ofSeconds(60));
        awaitReadBack(Duration.ofSeconds(90));
    }

    /** Until the reader holds {@link #ENOUGH} samples with a load of every instance, the hostile-named one too. */
    private static void awaitReadBack(Duration patience) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(patience);
        while (true) {
            List<String> names = given().baseUri(reader.url()).get("/instances").then().statusCode(200)
                    .extract().path("instance");
            boolean enough = names.contains(HOSTILE);
            for (String instance : INSTANCES) {
                enough &= names.contains(instance) && samples(reader, instance).values().stream().filter(s -> s.get("load1") != null).count()
                        >= ENOUGH;
            }
            if (enough) {
                return;
            }
            assertTrue(java.time.Instant.now().isBefore(deadline), "the reader did not read " + ENOUGH
                    + " samples of every instance back through Prometheus within " + patience + "; it has " + names);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{reader, prometheus, simulator}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void theCollectorReadsTheSimulatedFleetBackThroughPrometheus() {
        given().baseUri(reader.url()).get("/signals").then().statusCode(200).body("source", equalTo("prometheus"));
        given().baseUri(reader.url()).get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("downtime_collector_source_up{source=\"prometheus\"} 1.0"));
        for (String instance : INSTANCES) {
            Map<Long, Map<String, Double>> produced = samples(simulator, instance);
            Map<Long, Map<String, Double>> readBack = samples(reader, instance);
            int compared = 0;
            int matched = 0;
            for (Map.Entry<Long, Map<String, Double>> sample : readBack.entrySet()) {
                Double load = sample.getValue().get("load1");
                if (load == null) {
                    continue;
                }
                compared++;
                // Prometheus holds the value of its newest scrape: the simulator's sample at t or a step or two before.
                for (long lag = 0; lag <= 3; lag++) {
                    Map<String, Double> source = produced.get(sample.getKey() - lag * 1000);
                    if (source != null && close(source.get("load1"), load)
                            && close(source.get("memory_available_ratio"), sample.getValue().get("memory_available_ratio"))) {
                        matched++;
                        break;
                    }
                }
                Double cpu = sample.getValue().get("cpu_busy");
                assertTrue(cpu == null || cpu >= 0 && cpu <= 1, instance + " cpu_busy " + cpu);
            }
            assertTrue(compared >= ENOUGH, instance + ": only " + compared + " samples read back");
            assertTrue(matched >= compared * 0.9, instance + ": " + matched + " of " + compared + " samples match");
        }
    }

    @Test
    void anInstanceNamedLikeAnInjectionIsReadAsANameAndCannotAlterAQuery() {
        List<String> names = given().baseUri(reader.url()).get("/instances").then().statusCode(200)
                .extract().path("instance");
        assertTrue(names.contains(HOSTILE), "the hostile-named target is read like any other: " + names);
        given().baseUri(reader.url()).queryParam("instance", HOSTILE).queryParam("window", "30s").get("/samples")
                .then().statusCode(200).body("[0].instance", equalTo(HOSTILE));

        // What PromQL.forInstance("up", HOSTILE) builds (its text is pinned in PromQLTest), run by the real Prometheus:
        String restricted = "(up) and on(instance) label_replace(vector(1), \"instance\", \"evil\\\"} or vector(1) #\","
                + " \"\", \"\")";
        List<Map<String, String>> series = query(restricted);
        assertEquals(List.of(HOSTILE), series.stream().map(m -> m.get("instance")).toList(), "only the named instance");
        // The same name pasted in unescaped adds a series of its own: the attack the escaping stops.
        assertTrue(query("up{instance=\"" + HOSTILE + "\"}").stream().anyMatch(m -> !m.containsKey("instance")),
                "the unescaped query should have been injectable");
    }

    /** The label sets of an instant query's result on the real Prometheus. */
    private static List<Map<String, String>> query(String promql) {
        return given().baseUri(prometheus.url()).queryParam("query", promql).get("/api/v1/query").then()
                .statusCode(200).body("status", equalTo("success")).extract().path("data.result.metric");
    }

    private static boolean close(Double expected, Double actual) {
        return expected != null && actual != null && Math.abs(expected - actual) <= 1e-6 * Math.max(1, Math.abs(expected));
    }

    /** Samples of the last minute by time, each a map of signal to value (missing values left out). */
    private static Map<Long, Map<String, Double>> samples(ServiceProcess collector, String instance) {
        JsonPath response = given().baseUri(collector.url()).queryParam("instance", instance).queryParam("window", "1m")
                .get("/samples").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        List<String> signals = response.getList("[0].signals", String.class);
        List<Number> timestamps = response.getList("[0].timestamps");
        List<List<Number>> values = new ArrayList<>();
        for (int s = 0; s < signals.size(); s++) {
            values.add(response.getList("[0].values[" + s + "]"));
        }
        Map<Long, Map<String, Double>> byTime = new HashMap<>();
        for (int t = 0; t < timestamps.size(); t++) {
            Map<String, Double> sample = new HashMap<>();
            for (int s = 0; s < signals.size(); s++) {
                Number value = values.get(s).get(t);
                if (value != null) {
                    sample.put(signals.get(s), value.doubleValue());
                }
            }
            byTime.put(timestamps.get(t).longValue(), sample);
        }
        return byTime;
    }
}

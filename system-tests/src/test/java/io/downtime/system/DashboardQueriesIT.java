package io.downtime.system;

import io.downtime.stub.ServiceProcess;
import io.downtime.stub.SystemTool;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PromQL expression of every Grafana dashboard in grafana/dashboards, run as Grafana would run it against a
 * real Prometheus that scrapes the four running services and the simulated fleet's node-exporter targets: each must
 * succeed and return data, but for the panels {@link #WITHOUT_DATA} lists with the reason (so a misspelt metric or
 * label fails).
 */
class DashboardQueriesIT {

    private static final Path DASHBOARDS = Path.of(System.getProperty("project.root",
            Path.of(System.getProperty("user.dir")).getParent().toString()), "grafana", "dashboards");
    private static final Duration DATA_TIMEOUT = Duration.ofSeconds(180);

    /** Grafana's own variables, as it would set them for a 2 s scrape interval and the last 15 minutes. */
    private static final Map<String, String> BUILT_IN = Map.of("__rate_interval", "30s", "__interval", "10s",
            "__interval_ms", "10000", "__range", "15m", "__range_s", "900", "__range_ms", "900000");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");
    private static final Pattern LABEL_VALUES = Pattern.compile("^label_values\\((.+),\\s*(\\w+)\\)$");

    /**
     * The panel queries ("dashboard uid / panel title / refId") this test's running system cannot feed, with the reason; every query of every other panel (and
     * every variable's series) must return data. A panel listed here that does show data fails the test too, so the
     * list stays true.
     */
    private static final Map<String, String> WITHOUT_DATA = Map.of(
            "downtime-model-health / Precision: validation and operators' reviews / B",
            "the precision the reviews imply exists after an operator's first review (AlarmsApiTest checks the series)");

    /** One query of a panel (or of a variable), with the variables of its dashboard substituted. */
    private record Query(String dashboard, String panel, String refId, String expression) {
        /** "dashboard uid / panel title / refId" ({@code refId} left out for a variable). */
        String key() {
            return dashboard + " / " + panel + (refId == null ? "" : " / " + refId);
        }
    }

    private static RunningSystem system;
    private static PrometheusServer prometheus;
    private static List<Query> queries;

    @BeforeAll
    static void start() throws Exception {
        SystemTool.require("prometheus", "prometheus");
        system = RunningSystem.start();
        prometheus = PrometheusServer.start(scrapeConfig());
        // Traffic, so that every service has answered requests and the collector has counted shipped log lines.
        given().baseUri(system.web.url()).get("/").then().statusCode(200);
        given().baseUri(system.collector.url()).header("Authorization", "Bearer " + RunningSystem.ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body("[{\"host\": \"web-1\", \"level\": \"error\", \"message\": \"Out of memory: Killed process 42\"}]")
                .post("/ingest/logs").then().statusCode(200);
        awaitEveryPanelHasData();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{prometheus, system}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /**
     * Jobs named as kube-prometheus-stack names them for the chart's ServiceMonitors (after the Service), with the
     * services' own {@code instance} labels kept as the ServiceMonitors keep them (honorLabels); the simulated
     * servers found as bin/up finds them.
     */
    private static String scrapeConfig() {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  evaluation_interval: 2s
                scrape_configs:
                  - job_name: node
                    http_sd_configs:
                      - url: %s/sim/targets
                        refresh_interval: 5s
                """.formatted(system.collector.url()));
        Map<String, ServiceProcess> services = Map.of("collector", system.collector, "features", system.features,
                "predictor", system.predictor, "web", system.web);
        services.forEach((component, service) -> config.append("""
                  - job_name: downtime-predictor-%s
                    honor_labels: true
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(component, service.port())));
        return config.toString();
    }

    @TestFactory
    Stream<DynamicTest> everyExpressionOfEveryDashboardSucceeds() {
        assertFalse(queries.isEmpty());
        return queries.stream().map(query -> DynamicTest.dynamicTest(
                query.dashboard() + " / " + query.panel() + ": " + query.expression(), () -> {
                    JsonPath response = run(query.expression());
                    assertEquals("success", response.getString("status"), () -> query + "\n" + response.prettify());
                }));
    }

    @Test
    void everyQueryReturnsDataButWhereTheSystemCannotFeedIt() {
        assertEquals(List.of(), queriesWithoutData(), "queries without data (list a panel in WITHOUT_DATA, with the "
                + "reason, only when this system cannot feed it)");
        List<String> fed = queries.stream().map(Query::key).filter(WITHOUT_DATA::containsKey)
                .filter(key -> queries.stream().filter(q -> q.key().equals(key))
                        .anyMatch(q -> !run(q.expression()).getList("data.result").isEmpty()))
                .distinct().toList();
        assertEquals(List.of(), fed, "panels listed in WITHOUT_DATA that show data: take them off the list");
        assertTrue(queries.stream().map(Query::key).collect(java.util.stream.Collectors.toSet())
                .containsAll(WITHOUT_DATA.keySet()), "WITHOUT_DATA names a panel no dashboard has");
    }

    /** Waits until Prometheus has scraped enough for every panel (the predictor has scored, rates have two points). */
    private static void awaitEveryPanelHasData() throws Exception {
        Instant deadline = Instant.now().plus(DATA_TIMEOUT);
        List<String> empty;
        do {
            Thread.sleep(2000);
            queries = dashboardQueries();
            empty = queriesWithoutData();
        } while (!empty.isEmpty() && Instant.now().isBefore(deadline));
    }

    /** The queries, as "dashboard / panel: expression", that return no data and are not excused. */
    private static List<String> queriesWithoutData() {
        return queries.stream().filter(query -> !WITHOUT_DATA.containsKey(query.key()))
                .filter(query -> run(query.expression()).getList("data.result").isEmpty())
                .map(query -> query.key() + ": " + query.expression()).toList();
    }

    /** Every dashboard's variable and panel queries, its variables resolved in order as Grafana resolves them. */
    private static List<Query> dashboardQueries() throws Exception {
        List<Query> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(DASHBOARDS)) {
            files = list.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no dashboards in " + DASHBOARDS);
        for (Path file : files) {
            JsonPath dashboard = JsonPath.from(file.toFile());
            String uid = dashboard.getString("uid");
            Map<String, String> values = new HashMap<>(BUILT_IN);
            for (Map<String, Object> variable : dashboard.<Map<String, Object>>getList("templating.list")) {
                String name = (String) variable.get("name");
                switch ((String) variable.get("type")) {
                    case "query" -> {
                        @SuppressWarnings("unchecked")
                        String query = substitute((String) ((Map<String, Object>) variable.get("query")).get("query"), values);
                        Matcher labelValues = LABEL_VALUES.matcher(query);
                        assertTrue(labelValues.matches(), "a label_values() query: " + query);
                        // The series whose label values Grafana lists, itself a PromQL selector.
                        all.add(new Query(uid, "variable " + name, null, labelValues.group(1)));
                        values.put(name, resolve(variable, labelValues.group(1), labelValues.group(2)));
                    }
                    case "textbox", "constant" -> values.put(name, (String) variable.get("query"));
                    default -> {
                        // The data source is not part of any expression.
                    }
                }
            }
            for (Map<String, Object> panel : panels(dashboard)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.getOrDefault("targets", List.of());
                for (Map<String, Object> target : targets) {
                    all.add(new Query(uid, (String) panel.get("title"), (String) target.get("refId"),
                            substitute((String) target.get("expr"), values)));
                }
            }
        }
        return all;
    }

    /** What Grafana puts for a query variable: the All value, or the first value of {@code label} on {@code series}. */
    private static String resolve(Map<String, Object> variable, String series, String label) {
        JsonPath response = given().baseUri(prometheus.url()).queryParam("match[]", series)
                .get("/api/v1/label/" + label + "/values").then().statusCode(200).extract().jsonPath();
        String regex = (String) variable.getOrDefault("regex", "");
        List<String> found = response.getList("data", String.class).stream()
                .filter(value -> regex.isEmpty() || Pattern.compile(regex.substring(1, regex.length() - 1)).matcher(value).find())
                .sorted().toList();
        if (Boolean.TRUE.equals(variable.get("includeAll"))) {
            Object allValue = variable.get("allValue");
            return allValue != null ? (String) allValue
                    : "(" + String.join("|", found.stream().map(DashboardQueriesIT::escapeRegex).toList()) + ")";
        }
        return found.isEmpty() ? "no-value-of-" + variable.get("name") : found.get(0);
    }

    /** A value as a literal inside a PromQL regex, escaped as Grafana's Prometheus data source escapes it. */
    private static String escapeRegex(String value) {
        return value.replaceAll("[\\\\^$*+?.()|\\[\\]{}/]", "\\\\\\\\$0");
    }

    private static String substitute(String expression, Map<String, String> values) {
        Matcher matcher = REFERENCE.matcher(expression);
        StringBuilder substituted = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            String value = values.get(name);
            assertTrue(value != null, "$" + name + " is not a variable of the dashboard: " + expression);
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(substituted).toString();
    }

    /** Every panel, those inside rows too. */
    private static List<Map<String, Object>> panels(JsonPath dashboard) {
        List<Map<String, Object>> panels = new ArrayList<>();
        for (Map<String, Object> panel : dashboard.<Map<String, Object>>getList("panels")) {
            panels.add(panel);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> nested = (List<Map<String, Object>>) panel.getOrDefault("panels", List.of());
            panels.addAll(nested);
        }
        return panels;
    }

    /** An instant query over Prometheus' HTTP API, posted as a form as Grafana posts it. */
    private static JsonPath run(String expression) {
        return given().baseUri(prometheus.url()).formParam("query", expression).post("/api/v1/query")
                .then().extract().jsonPath();
    }
}

package io.downtime.system;

import io.downtime.stub.ServiceProcess;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incidents from a real Alertmanager: a real Prometheus scrapes the simulated fleet and evaluates a test rule that
 * declares web-1 down for a while; Alertmanager sends the firing alert, sends it again (repeat interval 2 s), then the
 * resolved one to the collector's webhook, with the admin token from a file as the chart's receiver does.
 */
class AlertmanagerIncidentsIT {

    private static final String TOKEN = "alertmanager-it-token";
    private static final Duration FIRING = Duration.ofSeconds(25);

    private static ServiceProcess collector;
    private static PrometheusServer alertmanager;
    private static PrometheusServer prometheus;
    private static Instant firingUntil;

    @BeforeAll
    static void start() throws Exception {
        collector = PackagedService.start("collector-service", Map.of(
                "collector.simulator.servers", "5", "collector.step", "1s", "collector.simulator.history", "1m",
                "downtime.admin-token", TOKEN,
                "collector.alertmanager.journal", Files.createTempDirectory("incidents").resolve("j").toString()));
        collector.awaitReady(Duration.ofSeconds(60));
        Path token = Files.createTempFile("admin-token", "");
        Files.writeString(token, TOKEN);
        alertmanager = PrometheusServer.alertmanager("""
                route:
                  receiver: downtime-predictor
                  group_by: [alertname, instance]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 2s
                receivers:
                  - name: downtime-predictor
                    webhook_configs:
                      - url: %s/ingest/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials_file: %s
                """.formatted(collector.url(), token));
        firingUntil = Instant.now().plus(FIRING);
        Path rules = Files.createTempFile("test-rules", ".yml");
        // Fires while web-1 is scraped, until firingUntil: an outage the test controls, of a simulated server.
        Files.writeString(rules, """
                groups:
                  - name: test
                    rules:
                      - alert: InstanceDown
                        expr: up{job="node", instance="web-1"} == 1 unless on () (vector(time()) >= %d)
                        labels: {severity: critical}
                """.formatted(firingUntil.getEpochSecond()));
        prometheus = PrometheusServer.start("""
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [%s]
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                scrape_configs:
                  - job_name: node
                    http_sd_configs:
                      - url: %s/sim/targets
                        refresh_interval: 5s
                """.formatted(rules, alertmanager.address(), collector.url()));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{prometheus, alertmanager, collector}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aFiringAlertBecomesAnIncidentItsResolutionClosesItAndRepeatsChangeNothing() throws Exception {
        JsonPath open = await(Duration.ofSeconds(60), "an open incident from Alertmanager",
                incidents -> incidents.getList("findAll { it.source == 'alertmanager' && it.end == null }").size() == 1);
        assertEquals("web-1", open.getString("find { it.source == 'alertmanager' }.instance"));
        assertEquals("InstanceDown", open.getString("find { it.source == 'alertmanager' }.alert"));
        Instant start = Instant.parse(open.getString("find { it.source == 'alertmanager' }.start"));
        assertTrue(start.isBefore(firingUntil), "it started while the rule fired: " + start);

        JsonPath closed = await(FIRING.plusSeconds(60), "the incident closed by the resolved notification",
                incidents -> incidents.getList("findAll { it.source == 'alertmanager' && it.end != null }").size() == 1);
        List<Map<String, Object>> declared = closed.getList("findAll { it.source == 'alertmanager' }");
        assertEquals(1, declared.size(), "one firing of one alert is one incident, however often it was sent: " + declared);
        assertEquals(start.toString(), declared.get(0).get("start"));
        Instant end = Instant.parse((String) declared.get(0).get("end"));
        assertFalse(end.isBefore(firingUntil.minusSeconds(2)), "it ended when the rule stopped firing: " + end);
        assertNotNull(end);

        double unchanged = metric("downtime_collector_alertmanager_alerts_total{outcome=\"unchanged\"}");
        double stored = metric("downtime_collector_alertmanager_alerts_total{outcome=\"stored\"}");
        assertTrue(unchanged >= 1, "Alertmanager sent the alert again (repeat_interval 2s) and it changed nothing");
        assertEquals(2.0, stored, "exactly two changes were stored: the opening and the closing");

        // The incident labels web-1's samples while it lasted, which is what training reads.
        JsonPath samples = given().baseUri(collector.url()).queryParam("instance", "web-1").queryParam("window", "2m")
                .get("/samples").then().statusCode(200).extract().jsonPath();
        List<Long> timestamps = samples.getList("[0].timestamps", Long.class);
        List<Boolean> labels = samples.getList("[0].incidents", Boolean.class);
        long labelled = 0;
        for (int i = 0; i < timestamps.size(); i++) {
            boolean inside = timestamps.get(i) >= start.toEpochMilli() && timestamps.get(i) < end.toEpochMilli();
            if (inside) {
                assertTrue(labels.get(i), "sample at " + Instant.ofEpochMilli(timestamps.get(i)) + " is labelled");
                labelled++;
            }
        }
        assertTrue(labelled >= 10, labelled + " samples labelled");
    }

    @Test
    void theWebhookRefusesACallWithoutTheToken() {
        given().baseUri(collector.url()).contentType("application/json").body("{\"version\": \"4\", \"alerts\": []}")
                .post("/ingest/alertmanager").then().statusCode(401);
    }

    private static JsonPath await(Duration patience, String what, Predicate<JsonPath> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            JsonPath incidents = given().baseUri(collector.url()).queryParam("instance", "web-1").get("/incidents")
                    .then().statusCode(200).extract().jsonPath();
            if (condition.test(incidents)) {
                return incidents;
            }
            assertTrue(Instant.now().isBefore(deadline), "no " + what + " within " + patience + ": "
                    + incidents.prettify());
            Thread.sleep(500);
        }
    }

    private static double metric(String series) {
        String line = given().baseUri(collector.url()).get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(series + " ")).findFirst().orElse("x 0");
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}

package io.downtime.collector;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CollectorApiTest {

    private static double counter(String outcome) {
        return metric("downtime_collector_log_lines_total{outcome=\"" + outcome + "\"}");
    }

    private static double metric(String series) {
        String line = given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith(series + " "))
                .findFirst().orElse("x 0");
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void listsTheSignalsWithTheirSourceAndStep() {
        given().get("/signals").then().statusCode(200)
                .body("source", equalTo("simulator"))
                .body("step", equalTo("1m"))
                .body("signals", hasSize(15))
                .body("signals[0]", equalTo("cpu_busy"))
                .body("logSignals", hasSize(6))
                .body("logSignals", org.hamcrest.Matchers.hasItems("log_errors", "log_warnings", "log_fatal",
                        "log_restart", "log_oom", "log_panic"));
    }

    @Test
    void listsIncidentsInOrderAndValidatesItsParameters() {
        List<String> starts = given().get("/incidents").then().statusCode(200)
                .body("start", everyItem(notNullValue())).extract().path("start");
        assertTrue(starts.stream().sorted().toList().equals(starts), "sorted by start: " + starts);
        given().queryParam("instance", "nope").get("/incidents").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", "yesterday").get("/incidents").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void pagesThroughAllInstancesAndSelectsTimeRanges() {
        given().queryParam("limit", 2).queryParam("window", "5m").get("/samples").then().statusCode(200)
                .body("", hasSize(2))
                .header("Link", containsString("offset=2"))
                .header("Link", containsString("rel=\"next\""));
        given().queryParam("limit", 2).queryParam("offset", 4).get("/samples").then().statusCode(200)
                .body("", hasSize(1));
        given().queryParam("limit", 0).get("/samples").then().statusCode(400).body("field", equalTo("limit"));
        given().queryParam("limit", 5000).get("/samples").then().statusCode(400).body("field", equalTo("limit"));
        given().queryParam("instance", "web-1").queryParam("from", "2026-03-02T11:50:00Z")
                .queryParam("to", "2026-03-02T11:54:00Z").get("/samples").then().statusCode(200)
                .body("[0].timestamps", hasSize(5));
        given().queryParam("from", "2026-03-02T11:50:00Z").queryParam("to", "2026-03-02T11:40:00Z").get("/samples")
                .then().statusCode(400).body("field", equalTo("to"));
    }

    @Test
    void servesEachSimulatedServerAsANodeExporterTarget() {
        given().get("/sim/targets/web-1/metrics").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("node_load1 "))
                .body(containsString("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"}"));
        given().get("/sim/targets/nope/metrics").then().statusCode(404).contentType("application/problem+json");
        given().get("/sim/targets").then().statusCode(200)
                .body("", hasSize(5))
                .body("labels.__metrics_path__", everyItem(containsString("/sim/targets/")))
                .body("[0].targets[0]", containsString(":"));
    }

    @Test
    void generatesTheSimulatedFleetsHistoryOnRequestWithItsIncidents() {
        // test profile: 5 servers, 6 h of history at one sample a minute
        io.restassured.response.Response history = given().get("/sim/history");
        history.then().statusCode(200)
                .body("", hasSize(5))
                .body("[0].signals", hasSize(15))
                .body("[0].timestamps", hasSize(360));
        List<List<Boolean>> incidents = history.path("incidents");
        assertTrue(incidents.stream().anyMatch(flags -> flags.contains(true)), "the simulated fleet has incidents");
        float[] cpu = io.downtime.features.Base64Columns.decodeFloats(history.path("[0].values[0]"));
        assertEquals(360, cpu.length);
    }

    @Test
    void acceptsLogBatchesWholeOrNotAtAll() {
        double accepted = counter("accepted");
        double rejectedBatches = metric("downtime_collector_log_batches_rejected_total");
        given().contentType("application/json").body("[{\"host\": \"web-1\", \"level\": \"error\", \"message\": \"boom\"}]")
                .post("/ingest/logs").then().statusCode(200).body("accepted", equalTo(1)).body("dropped", equalTo(0));
        given().contentType("application/x-ndjson")
                .body("{\"host\": \"web-1\", \"message\": \"a\"}\n{\"host\": \"web-2\", \"message\": \"b\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/ingest/logs").then().statusCode(200).body("accepted", equalTo(2));
        given().contentType("application/x-ndjson")
                .body("{\"host\": \"web-1\", \"message\": \"a\"}\n{\"host\": \"web-2\", \"message\": b}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/ingest/logs").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("line 2"));
        assertTrue(counter("accepted") == accepted + 3, "nothing of the bad batch was stored");
        assertTrue(metric("downtime_collector_log_batches_rejected_total") == rejectedBatches + 1);
    }
}

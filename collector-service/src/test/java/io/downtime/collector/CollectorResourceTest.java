package io.downtime.collector;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CollectorResourceTest {

    @Test
    void listsTheSimulatedFleetByName() {
        given().get("/instances").then().statusCode(200)
                .body("instance", contains("api-1", "cache-1", "db-1", "web-1", "worker-1"))
                .body("samples", everyItem(equalTo(6 * 60)));
    }

    @Test
    void servesTheSamplesOfOneInstanceAsColumns() {
        given().queryParam("instance", "db-1").queryParam("window", "30m")
                .get("/samples").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].instance", equalTo("db-1"))
                .body("[0].step", equalTo("1m"))
                .body("[0].signals", contains("cpu_busy", "load1", "memory_available_ratio", "swap_used_ratio",
                        "filesystem_avail_ratio", "disk_io_busy", "network_errors_per_second",
                        "tcp_retransmits_per_second", "procs_running",
                        "log_errors", "log_warnings", "log_fatal", "log_oom", "log_panic", "log_restart"))
                .body("[0].timestamps", hasSize(30))
                .body("[0].values", hasSize(15))
                .body("[0].values[0]", hasSize(30))
                .body("[0].observedDown", hasSize(30))
                .body("[0].incidents", hasSize(30));
    }

    @Test
    void servesEveryInstanceWhenNoneIsNamed() {
        given().queryParam("window", "5m").get("/samples").then().statusCode(200).body("", hasSize(5));
    }

    @Test
    void anUnknownInstanceIsA404Problem() {
        given().queryParam("instance", "nope").get("/samples").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nope"));
    }

    @Test
    void aWindowNotInPrometheusNotationIsA400ProblemNamingTheField() {
        given().queryParam("window", "ten minutes").get("/samples").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("window"))
                .body("detail", containsString("ten minutes"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("downtime_collector_source_up{source=\"simulator\"} 1.0"))
                .body(containsString("downtime_collector_instances{source=\"simulator\"} 5.0"))
                .body(containsString("downtime_collector_samples_total{outcome=\"accepted\"} 1800.0"))
                .body(containsString("downtime_collector_poll_duration_seconds_count{source=\"simulator\"}"))
                .body(containsString("downtime_collector_last_sample_timestamp_seconds{source=\"simulator\"} 1.7724528E9"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/samples"));
    }
}

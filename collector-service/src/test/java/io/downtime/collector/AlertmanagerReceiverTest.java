package io.downtime.collector;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /ingest/alertmanager} as Alertmanager calls it, seen through {@code GET /incidents} and the labels. */
@QuarkusTest
class AlertmanagerReceiverTest {

    private static String alert(String status, String fingerprint, String instance, Instant startsAt, String endsAt) {
        return """
                {"version": "4", "status": "%1$s", "receiver": "downtime-predictor", "groupKey": "{}",
                 "alerts": [{"status": "%1$s", "labels": {"alertname": "InstanceDown", "instance": "%3$s"},
                             "annotations": {}, "startsAt": "%4$s", "endsAt": "%5$s", "fingerprint": "%2$s"}]}"""
                .formatted(status, fingerprint, instance, startsAt, endsAt);
    }

    private static List<Object> declared(String instance) {
        return given().queryParam("instance", instance).get("/incidents").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.source == 'alertmanager' }");
    }

    @Test
    void anAlertOpensAnIncidentThatLabelsTheSamplesAndItsResolutionClosesIt() {
        String instance = given().get("/instances").then().statusCode(200).extract().path("[0].instance");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
        given().contentType("application/json").body(alert("firing", "c0ffee01", instance, start, "0001-01-01T00:00:00Z"))
                .post("/ingest/alertmanager").then().statusCode(200)
                .body("alerts", equalTo(1)).body("downtime", equalTo(1)).body("changed", equalTo(1));
        JsonPath incidents = given().queryParam("instance", instance).get("/incidents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(start.toString(), incidents.getString("find { it.source == 'alertmanager' }.start"));
        assertEquals("InstanceDown", incidents.getString("find { it.source == 'alertmanager' }.alert"));
        assertEquals(null, incidents.getString("find { it.source == 'alertmanager' }.end"));

        JsonPath samples = given().queryParam("instance", instance).queryParam("window", "1h").get("/samples").then()
                .statusCode(200).extract().jsonPath();
        List<Long> timestamps = samples.getList("[0].timestamps", Long.class);
        List<Boolean> labels = samples.getList("[0].incidents", Boolean.class);
        for (int i = 0; i < timestamps.size(); i++) {
            if (timestamps.get(i) >= start.toEpochMilli()) {
                assertTrue(labels.get(i), "the sample at " + Instant.ofEpochMilli(timestamps.get(i)) + " is labelled");
            }
        }

        Instant end = start.plus(10, ChronoUnit.MINUTES);
        given().contentType("application/json").body(alert("resolved", "c0ffee01", instance, start, end.toString()))
                .post("/ingest/alertmanager").then().statusCode(200).body("changed", equalTo(1));
        given().contentType("application/json").body(alert("resolved", "c0ffee01", instance, start, end.toString()))
                .post("/ingest/alertmanager").then().statusCode(200).body("downtime", equalTo(1)).body("changed", equalTo(0));
        given().contentType("application/json").body(alert("firing", "c0ffee01", instance, start, "0001-01-01T00:00:00Z"))
                .post("/ingest/alertmanager").then().statusCode(200).body("changed", equalTo(0));
        assertEquals(1, declared(instance).size());
        assertEquals(end.toString(), given().queryParam("instance", instance).get("/incidents").then().extract()
                .jsonPath().getString("find { it.source == 'alertmanager' }.end"));
    }

    @Test
    void aBadNotificationIsRefusedWithAProblemAndStoresNothing() {
        String instance = given().get("/instances").then().statusCode(200).extract().path("[1].instance");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(20, ChronoUnit.MINUTES);
        String good = alert("firing", "bad0001", instance, start, "0001-01-01T00:00:00Z");
        String secondBroken = good.replace("}]}", "}, {\"status\": \"firing\", \"labels\": {}, \"startsAt\": \"now\", "
                + "\"fingerprint\": \"x\"}]}");
        for (String body : List.of(secondBroken, good.replace("\"4\"", "\"3\""), "{", "[]",
                good.replace("\"firing\", \"labels\"", "\"maybe\", \"labels\""))) {
            given().contentType("application/json").body(body).post("/ingest/alertmanager").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", not(emptyOrNullString()));
        }
        assertTrue(declared(instance).isEmpty(), "nothing of a refused notification is stored");
        given().contentType("text/plain").body(good).post("/ingest/alertmanager").then().statusCode(415);
    }

    @Test
    void anAlertOfAnUnknownInstanceIsListedUnderItsName() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES);
        given().contentType("application/json").body(alert("firing", "feed0002", "not-scraped-yet", start,
                "0001-01-01T00:00:00Z")).post("/ingest/alertmanager").then().statusCode(200).body("changed", equalTo(1));
        assertFalse(declared("not-scraped-yet").isEmpty());
    }
}

package io.downtime.predictor;

import io.downtime.models.ExplanationMethod;
import io.downtime.models.Explanation.Contribution;
import io.downtime.models.alarm.Risk;
import io.downtime.predictor.alarms.AlarmService;
import io.downtime.predictor.alarms.Alarms;
import io.downtime.predictor.scoring.ThresholdSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /alarms}, {@code POST /alarms/{id}/review} and the feedback metrics, on alarms the scoring raised. */
@QuarkusTest
@QuarkusTestResource(StubFeatureService.class)
class AlarmsApiTest {

    @Inject
    AlarmService alarms;

    private long raise(String instance, double probability) {
        alarms.observe(List.of(new Prediction(instance, probability, "1h", Risk.of(probability, 0.3), 0.3,
                ThresholdSource.MODEL,
                new Prediction.ModelRef("alarm-test-model", "000009"), List.of(new Contribution("load1_last", 1.2)),
                ExplanationMethod.TREE_SHAP, Instant.now(), false)));
        return alarms.list(instance, Alarms.Filter.OPEN).get(0).id();
    }

    @Test
    void listsAlarmsAndRecordsAReview() {
        long id = raise("alarm-api-1", 0.72);
        given().queryParam("instance", "alarm-api-1").get("/alarms").then().statusCode(200)
                .body("[0].id", equalTo((int) id))
                .body("[0].instance", equalTo("alarm-api-1"))
                .body("[0].peakProbability", equalTo(0.72f))
                .body("[0].modelVersion", equalTo("000009"))
                .body("[0].reasons[0].feature", equalTo("load1_last"))
                .body("[0].review", equalTo(null));
        given().queryParam("instance", "alarm-api-1").queryParam("state", "unreviewed").get("/alarms").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.hasItem((int) id));

        given().contentType("application/json").body("{\"verdict\": \"false-alarm\", \"note\": \"planned load test\"}")
                .post("/alarms/" + id + "/review").then().statusCode(200)
                .body("review.verdict", equalTo("false-alarm"))
                .body("review.note", equalTo("planned load test"))
                .body("review.reviewedAt", not(emptyOrNullString()));
        given().get("/alarms/" + id).then().statusCode(200).body("review.verdict", equalTo("false-alarm"));
        given().queryParam("state", "false-alarm").get("/alarms").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem((int) id));
        given().queryParam("state", "unreviewed").get("/alarms").then().statusCode(200)
                .body("id", not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void exportsTheOutcomesAndThePrecisionTheReviewsImply() {
        long confirmed = raise("alarm-metrics-1", 0.9);
        long falseAlarm = raise("alarm-metrics-2", 0.9);
        long confirmedToo = raise("alarm-metrics-3", 0.9);
        raise("alarm-metrics-4", 0.9);
        for (long id : List.of(confirmed, confirmedToo)) {
            given().contentType("application/json").body("{\"verdict\": \"confirmed\"}").post("/alarms/" + id + "/review")
                    .then().statusCode(200);
        }
        given().contentType("application/json").body("{\"verdict\": \"false-alarm\"}").post("/alarms/" + falseAlarm
                + "/review").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("downtime_alarms_total{model=\"alarm-test-model\",outcome=\"confirmed\"} 2.0"), metrics);
        assertTrue(metrics.contains("downtime_alarms_total{model=\"alarm-test-model\",outcome=\"false\"} 1.0"));
        long unreviewed = alarms.outcomes().get("alarm-test-model").unreviewed();
        assertTrue(metrics.contains("downtime_alarms_total{model=\"alarm-test-model\",outcome=\"unreviewed\"} "
                + (double) unreviewed));
        double precision = alarms.outcomes().get("alarm-test-model").precision();
        given().get("/alarms/outcomes").then().statusCode(200)
                .body("find { it.modelVersion == '000009' }.confirmed", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("find { it.modelVersion == '000009' }.reviewedPrecision", org.hamcrest.Matchers.notNullValue());
        assertTrue(metrics.contains("downtime_alarms_review_precision{model=\"alarm-test-model\"} " + precision), metrics);
    }

    @Test
    void badReviewsAreRefusedWithAProblemAndChangeNothing() {
        long id = raise("alarm-bad-1", 0.8);
        for (String body : List.of("{\"verdict\": \"maybe\"}", "{}", "{\"verdict\": \"confirmed\", \"extra\": 1}",
                "{\"verdict\": \"confirmed\", \"note\": 42}", "[1]", "{\"verdict\": \"confirmed\", \"note\": \""
                        + "x".repeat(2001) + "\"}", "not json")) {
            given().contentType("application/json").body(body).post("/alarms/" + id + "/review").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", not(emptyOrNullString()));
        }
        assertEquals(null, alarms.get(id).orElseThrow().review(), "nothing of a refused review is stored");
        given().contentType("application/json").body("{\"verdict\": \"confirmed\"}").post("/alarms/999999/review").then()
                .statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"verdict\": \"confirmed\"}").post("/alarms/abc/review").then()
                .statusCode(400).body("field", equalTo("id"));
        given().queryParam("state", "sleeping").get("/alarms").then().statusCode(400).body("field", equalTo("state"))
                .body("detail", containsString("open, closed"));
    }
}

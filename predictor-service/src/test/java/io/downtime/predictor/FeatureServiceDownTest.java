package io.downtime.predictor;

import io.downtime.predictor.scoring.FleetScoring;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** feature-service (or the collector behind it) down: the last scores stay served, marked stale, until it is back. */
@QuarkusTest
@QuarkusTestResource(StubFeatureService.class)
class FeatureServiceDownTest {

    @Inject
    FleetScoring scoring;

    @BeforeEach
    void scoreTheFleetWithAModel() throws InterruptedException {
        FirstModel.await();
        scoring.scoreFleet();
    }

    @AfterEach
    void bringItBack() {
        StubFeatureService.running.comeBackIfDown();
    }

    @Test
    void theLastScoresStayServedMarkedStaleAndRecoverWhenItIsBack() {
        given().get("/predictions").then().statusCode(200).body("stale", equalTo(false))
                .body("predictions.find { it.instance == 'srv-1' }.stale", equalTo(false));
        Object before = given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict")
                .then().statusCode(200).body("stale", equalTo(false)).extract().path("probability");

        StubFeatureService.running.goDown();
        scoring.scoreFleet();

        given().get("/predictions").then().statusCode(200).body("stale", equalTo(true))
                .body("staleReason", containsString("feature-service"))
                .body("predictions.stale", everyItem(equalTo(true)));
        given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict").then()
                .statusCode(200).body("stale", equalTo(true)).body("probability", equalTo(before));
        given().contentType(ContentType.JSON).body("{\"instance\": \"never-scored\"}").post("/predict").then()
                .statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("feature-service is unreachable"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("downtime_predictor_feature_service_up 0.0"), "feature-service down not exported");
        assertTrue(metrics.contains("downtime_predictor_stale_instances " + StubFeatureService.INSTANCES.length + ".0"),
                "every instance counted stale");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'feature-service' }.data.state", equalTo("degraded"))
                .body("checks.find { it.name == 'feature-service' }.data.reason", containsString("did not answer"));
        given().get("/q/health/live").then().statusCode(200);

        StubFeatureService.running.comeBack();
        scoring.scoreFleet();

        given().get("/predictions").then().statusCode(200).body("stale", equalTo(false))
                .body("staleReason", nullValue()).body("predictions.stale", hasItem(false));
        assertEquals(false, given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict")
                .then().statusCode(200).extract().path("stale"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'feature-service' }.data.state", equalTo("ok"));
    }
}

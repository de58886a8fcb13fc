package io.downtime.predictor;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training through the API, champion/challenger, promotion and rollback, on a registry of its own. */
@QuarkusTest
@TestProfile(TrainingApiTest.OwnRegistry.class)
class TrainingApiTest {

    /** A profile of its own: a fresh application, stub and registry for this class. */
    public static class OwnRegistry implements QuarkusTestProfile {
    }

    @BeforeEach
    void waitForTheFirstModel() throws InterruptedException {
        FirstModel.await();
    }

    private static String champion() {
        return given().get("/models/champion").then().statusCode(200).extract().path("version");
    }

    @Test
    void aChallengerThatDoesNotBeatTheChampionIsStoredButNotServedThenCanBePromotedAndRolledBack()
            throws InterruptedException {
        assertEquals("000001", champion());
        Response started = given().post("/models/train");
        started.then().statusCode(202).body("state", equalTo("running"));
        String location = started.header("Location");
        assertTrue(location.contains("/jobs/"), location);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String state;
        do {
            Thread.sleep(200);
            state = given().get(location).then().statusCode(200).extract().path("state");
            assertTrue(Instant.now().isBefore(deadline), "training did not finish");
        } while (state.equals("running"));
        // Same history, same seed: the challenger equals the champion, so it does not beat it.
        given().get(location).then()
                .body("state", equalTo("succeeded"))
                .body("percent", equalTo(100))
                .body("result.model.version", equalTo("000002"))
                .body("result.promoted", equalTo(false));
        assertEquals("000001", champion(), "a challenger that does not win is not served");
        given().get("/jobs").then().statusCode(200).body("[0].result.model.version", equalTo("000002"));

        given().post("/models/000002/promote").then().statusCode(200).body("version", equalTo("000002"));
        assertEquals("000002", champion());
        given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict").then()
                .statusCode(200).body("model.version", equalTo("000002"));

        given().post("/models/rollback").then().statusCode(200).body("version", equalTo("000001"));
        assertEquals("000001", champion());
        given().post("/models/rollback").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("no earlier champion"));
    }

    @Test
    void unknownVersionsAndJobsAre404Problems() {
        given().get("/models/999999").then().statusCode(404).contentType("application/problem+json");
        given().post("/models/999999/promote").then().statusCode(404);
        given().get("/models/..%2F..").then().statusCode(404);
        given().get("/jobs/nope").then().statusCode(404).body("detail", containsString("nope"));
    }
}

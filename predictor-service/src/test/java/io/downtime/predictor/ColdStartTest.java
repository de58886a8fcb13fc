package io.downtime.predictor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet without enough incidents yet: the first model is trained on the simulator's fleet and says so (in /models
 * and a metric label); trainings on the fleet wait (and say why) until it has enough, then go through
 * champion/challenger like any other (TrainingApiTest).
 */
@QuarkusTest
@TestProfile(ColdStartTest.FewIncidents.class)
@QuarkusTestResource(StubFeatureService.class)
class ColdStartTest {

    /** The stub fleet's incidents are far fewer than a training on it needs. */
    public static class FewIncidents implements QuarkusTestProfile {
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("predictor.training.min-incidents", "1000000");
        }
    }

    @Test
    void theFirstModelIsTrainedOnTheSimulatorUntilTheFleetHasIncidents() throws InterruptedException {
        FirstModel.await();
        given().get("/models/champion").then().statusCode(200)
                .body("trainedOn", equalTo("simulator"));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("downtime_predictor_model_info{")
                && l.contains("trained_on=\"simulator\"")), "the metric label says so");

        String failed = finish(given().post("/models/train"));
        given().get(failed).then().body("state", equalTo("failed"))
                .body("error", containsString("incidents where training needs 1000000"))
                .body("error", containsString("the served model stays"));
        given().get("/models/champion").then().body("trainedOn", equalTo("simulator"));
    }

    /** Waits for the job {@code started} and returns its location. */
    private static String finish(Response started) throws InterruptedException {
        started.then().statusCode(202);
        String location = started.header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (given().get(location).then().extract().<String>path("state").equals("running")) {
            assertTrue(Instant.now().isBefore(deadline), "the training did not finish");
            Thread.sleep(200);
        }
        return location;
    }
}

package io.downtime.predictor;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A challenger that beats the champion on the same validation rows replaces it: the first model is a baseline (a
 * static threshold on one signal), then XGBoost, which reads the load slope that decides the stub's labels, is
 * trained through the API and served.
 */
@QuarkusTest
@TestProfile(BetterChallengerTest.BaselineFirst.class)
class BetterChallengerTest {

    /** An application of its own whose first model is the static-threshold baseline. */
    public static class BaselineFirst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("predictor.training.algorithm", "static-threshold");
        }
    }

    @Test
    void aChallengerThatBeatsTheChampionIsPromotedAndServed() throws InterruptedException {
        FirstModel.await();
        given().get("/models/champion").then().statusCode(200)
                .body("version", equalTo("000001")).body("algorithm", equalTo("static-threshold"));
        double championPrAuc = given().get("/models/champion").then().extract().jsonPath()
                .getDouble("quality.prAuc");

        String location = given().contentType(ContentType.JSON).body("{\"algorithm\": \"xgboost\"}")
                .post("/models/train").then().statusCode(202).extract().header("Location");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonPath job;
        do {
            Thread.sleep(200);
            job = given().get(location).then().statusCode(200).extract().jsonPath();
            assertTrue(Instant.now().isBefore(deadline), "training did not finish");
        } while (job.getString("state").equals("running"));

        assertEquals("succeeded", job.getString("state"), job.prettify());
        assertTrue(job.getBoolean("result.promoted"), "a better challenger is promoted: " + job.prettify());
        double challengerPrAuc = job.getDouble("result.model.quality.prAuc");
        double championOnTheSameRows = job.getDouble("result.championPrAuc");
        assertTrue(challengerPrAuc > championOnTheSameRows, challengerPrAuc + " vs " + championOnTheSameRows);
        assertTrue(challengerPrAuc > championPrAuc, "xgboost " + challengerPrAuc + " vs baseline " + championPrAuc);
        given().get("/models/champion").then().statusCode(200)
                .body("version", equalTo("000002")).body("algorithm", equalTo("xgboost"));
        given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict").then()
                .statusCode(200).body("model.version", equalTo("000002")).body("model.name", equalTo("xgboost"));
    }
}

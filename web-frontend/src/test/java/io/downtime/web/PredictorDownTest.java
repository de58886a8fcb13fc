package io.downtime.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestProfile(PredictorDownTest.NothingListens.class)
class PredictorDownTest {

    /** Points the predictor client at a port nothing listens on. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.predictor.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void thePageStillRendersAndSaysWhatIsMissing() {
        given().get("/").then().statusCode(200)
                .body(containsString("Fleet by downtime risk"))
                .body(containsString("Predictions are unavailable: predictor-service is unreachable."));
    }
}

package io.downtime.featureservice;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestProfile(CollectorDownTest.NothingListens.class)
class CollectorDownTest {

    /** Points the collector client at a port nothing listens on. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.collector.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void anUnreachableCollectorIsA503ProblemNotA500() {
        given().get("/features/srv-a").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("collector-service is unreachable"));
        given().get("/training-set").then().statusCode(503).contentType("application/problem+json");
    }
}

package io.downtime.predictor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A first training that fails is visible in readiness with its cause, and retried. */
@QuarkusTest
@TestProfile(FailedTrainingTest.BrokenTrainingSet.class)
@QuarkusTestResource(StubFeatureService.class)
class FailedTrainingTest {

    /** feature-service answers this horizon's training set with a malformed CSV; retries come after a second. */
    public static class BrokenTrainingSet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("predictor.horizon", StubFeatureService.BROKEN_HORIZON,
                    "predictor.training.retry-seconds", "1");
        }
    }

    @Test
    void readinessSaysWhyAndTheTrainingIsRetried() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int firstAttempts = 0;
        String failure = null;
        while (failure == null) {
            assertTrue(Instant.now().isBefore(deadline), "no failure shown in readiness");
            Thread.sleep(200);
            Response ready = given().get("/q/health/ready");
            assertTrue(ready.statusCode() == 503, "not ready without a model");
            failure = ready.path("checks.find { it.name == 'model' }.data.lastFailure");
            Integer attempts = ready.path("checks.find { it.name == 'model' }.data.attempts");
            firstAttempts = attempts == null ? 0 : attempts;
        }
        String reason = given().get("/q/health/ready").path("checks.find { it.name == 'model' }.data.reason");
        assertTrue(reason.startsWith("the first training failed"), reason);
        assertTrue(failure.contains("Exception"), "the cause is named: " + failure);
        int attempts = firstAttempts;
        while (attempts <= firstAttempts) {
            assertTrue(Instant.now().isBefore(deadline), "the training was not retried");
            Thread.sleep(200);
            Integer now = given().get("/q/health/ready").path("checks.find { it.name == 'model' }.data.attempts");
            attempts = now == null ? attempts : now;
        }
    }
}

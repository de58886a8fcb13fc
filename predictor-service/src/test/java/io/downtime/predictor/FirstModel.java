package io.downtime.predictor;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits for the predictor under test to serve its first model (it is ready then). */
final class FirstModel {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private FirstModel() {
    }

    static void await() throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (given().get("/q/health/ready").statusCode() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "no model was trained within " + PATIENCE.toSeconds() + " s");
            Thread.sleep(200);
        }
    }
}

package io.downtime.predictor;

import io.downtime.models.Algorithm;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From the first start, every algorithm is trained and stored beside the champion, which is a learned model. */
@QuarkusTest
@TestProfile(EveryAlgorithmTest.CompareAll.class)
@QuarkusTestResource(value = StubFeatureService.class, restrictToAnnotatedClass = true)
class EveryAlgorithmTest {

    /** An application of its own, comparing every algorithm as a user's first start does. */
    public static class CompareAll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("predictor.training.compare-all", "true");
        }
    }

    @Test
    void everyAlgorithmIsTrainedAfterTheFirstChampionAndTheChampionIsLearned() throws InterruptedException {
        FirstModel.await();
        Set<String> all = Set.copyOf(Arrays.stream(Algorithm.values()).map(Algorithm::id).toList());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        List<String> stored;
        do {
            Thread.sleep(500);
            stored = given().get("/models").then().statusCode(200).extract().path("algorithm");
            assertTrue(Instant.now().isBefore(deadline), "after 180 s only " + stored + " are stored");
        } while (!Set.copyOf(stored).containsAll(all));
        while (given().get("/jobs").then().extract().<List<String>>path("state").contains("running")) {
            assertTrue(Instant.now().isBefore(deadline), "the last comparison job did not end");
            Thread.sleep(200);
        }
        assertEquals(all.size(), stored.size(), "each algorithm once: " + stored);
        String champion = given().get("/models/champion").then().statusCode(200).extract().path("algorithm");
        assertTrue(Algorithm.of(champion).learned(), "the champion is a learned model, not " + champion);
        List<String> states = given().get("/jobs").then().extract().path("state");
        assertTrue(states.stream().allMatch("succeeded"::equals), "every comparison job succeeded: " + states);
    }
}

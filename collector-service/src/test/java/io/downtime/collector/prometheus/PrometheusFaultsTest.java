package io.downtime.collector.prometheus;

import io.downtime.collector.FixedClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prometheus failing and coming back: the collector stays up, marks the data stale, stops calling a store that keeps
 * failing (circuit breaker), and reads the missed steps when it answers again, leaving no gap.
 */
@QuarkusTest
@TestProfile(PrometheusFaultsTest.AgainstStub.class)
@QuarkusTestResource(value = StubPrometheus.class, restrictToAnnotatedClass = true)
class PrometheusFaultsTest {

    /** A profile of its own, so this class gets its own application with the stub as source, on the real clock. */
    public static class AgainstStub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FixedClock.ENABLED, "false");
        }
    }

    @ConfigProperty(name = "collector.prometheus.url")
    String stub;

    private void stub(String command) {
        given().baseUri(stub).get("/control/" + command).then().statusCode(200);
    }

    private int queries() {
        return Integer.parseInt(given().baseUri(stub).get("/control/queries").asString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting until " + what);
            Thread.sleep(200);
        }
    }

    private static boolean sourceUp() {
        return given().get("/q/metrics").asString().contains("downtime_collector_source_up{source=\"prometheus\"} 1.0");
    }

    private static void readinessSays(String state) {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'metric-source' }.data.state", org.hamcrest.Matchers.equalTo(state));
    }

    /** The query count, once two reads 300 ms apart agree (the breaker has opened); fails after 10 s. */
    private int steadyQueries() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int previous = queries();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            int now = queries();
            if (now == previous) {
                return now;
            }
            previous = now;
        }
        throw new AssertionError("the calls to Prometheus never stopped: the breaker did not open");
    }

    private static boolean stale() {
        List<Boolean> stale = given().get("/instances").then().statusCode(200).extract().path("stale");
        return stale.equals(List.of(true));
    }

    @Test
    void eachQueryAsksPrometheusForTheConfiguredTimeout() throws InterruptedException {
        await("a query", () -> queries() > 0);
        assertEquals("4s", given().baseUri(stub).get("/control/timeout").as(String.class));
    }

    @Test
    void failuresMarkDataStaleOpenTheBreakerAndRecoveryFillsTheGap() throws InterruptedException {
        stub("answer");
        await("srv-1 is read", () -> given().get("/instances").then().extract().path("instance").equals(List.of("srv-1")));
        await("srv-1 is fresh", () -> !stale());
        assertTrue(sourceUp());

        stub("fail");
        await("the source is down", () -> !sourceUp());
        await("srv-1 is stale", PrometheusFaultsTest::stale);
        given().get("/q/health/live").then().statusCode(200);
        readinessSays("degraded");

        // Once the breaker has opened (the count stops moving), no call may reach Prometheus for a while: the breaker
        // stays open for 3 s, and the check below takes about 1.3 s of it.
        int before = steadyQueries();
        Thread.sleep(1000);
        assertEquals(before, queries(), "the open breaker stops the calls");

        stub("answer");
        await("the source is up again", PrometheusFaultsTest::sourceUp);
        await("srv-1 is fresh again", () -> !stale());
        readinessSays("ok");
        List<Long> timestamps = given().queryParam("instance", "srv-1").queryParam("window", "20s").get("/samples")
                .then().statusCode(200).extract().jsonPath().getList("[0].timestamps", Long.class);
        for (int i = 1; i < timestamps.size(); i++) {
            assertEquals(1000, timestamps.get(i) - timestamps.get(i - 1), "a gap in " + timestamps);
        }
    }

    @Test
    void aStoreThatAnswersTooLateCountsAsDownAndRecoveryIsAutomatic() throws InterruptedException {
        stub("answer");
        await("srv-1 is fresh", () -> !stale());

        stub("slow");
        await("the slow source is down", () -> !sourceUp());
        await("srv-1 is stale", PrometheusFaultsTest::stale);
        readinessSays("degraded");
        given().get("/q/health/live").then().statusCode(200);
        given().get("/instances").then().statusCode(200);

        stub("answer");
        await("the source is up again", PrometheusFaultsTest::sourceUp);
        await("srv-1 is fresh again", () -> !stale());
        readinessSays("ok");
    }
}

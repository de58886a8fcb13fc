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

    /** A sample of the collector's own metrics, by its exported line's name and labels. */
    private static double metric(String name) {
        for (String line : given().get("/q/metrics").asString().split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static boolean breakerOpen() {
        return metric("downtime_collector_source_breaker_open") == 1;
    }

    /**
     * While the breaker stays open (the same opening, seen before and after each read), the store gets no call;
     * returns how many times that was checked.
     */
    private int checkNoCallWhileTheBreakerIsOpen() throws InterruptedException {
        double opening = metric("downtime_collector_source_breaker_opened_total");
        int before = queries();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int checks = 0;
        while (true) {
            boolean openBefore = breakerOpen() && metric("downtime_collector_source_breaker_opened_total") == opening;
            int now = queries();
            boolean openAfter = breakerOpen() && metric("downtime_collector_source_breaker_opened_total") == opening;
            if (!openBefore || !openAfter) {
                return checks;
            }
            assertEquals(before, now, "a call reached the store while the breaker was open");
            checks++;
            assertTrue(Instant.now().isBefore(deadline), "the breaker never left the open state (its delay is 3 s)");
            Thread.sleep(100);
        }
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

        // The breaker opens after repeated failures and stays open for 3 s (StubPrometheus's profile), calling nothing.
        await("the breaker opens", PrometheusFaultsTest::breakerOpen);
        int checks = checkNoCallWhileTheBreakerIsOpen();
        assertTrue(checks >= 3, "the open breaker was checked only " + checks + " times");

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

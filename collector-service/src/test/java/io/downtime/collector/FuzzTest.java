package io.downtime.collector;

import io.downtime.stub.EndpointFuzzer;
import io.downtime.stub.EndpointFuzzer.Endpoint;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;

/** Every endpoint of the collector fuzzed: always a 4xx problem naming the problem, never a 5xx or a hang. */
@QuarkusTest
@TestProfile(FuzzTest.OwnApplication.class)
class FuzzTest {

    /** An application of its own: fuzzing ingests logs, which the other tests must not count. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointAnswersBadInputWithAProblem() {
        String logs = "[{\"date\": 1767225600.123, \"host\": \"web-1\", \"log\": \"disk full\", \"severity\": \"ERROR\"}]";
        EndpointFuzzer fuzzer = new EndpointFuzzer(base.toString(), 12, false)
                .fuzz(Endpoint.get("/samples", "instance", "window", "from", "to", "offset", "limit"))
                .fuzz(Endpoint.get("/incidents", "instance", "from", "to"))
                .fuzz(Endpoint.get("/instances"))
                .fuzz(Endpoint.get("/signals"))
                .fuzz(Endpoint.get("/sim/targets"))
                .fuzz(Endpoint.get("/sim/targets/{instance}/metrics"))
                .fuzz(Endpoint.postJson("/ingest/logs", logs));
        System.out.printf("fuzzed the collector with %d requests%n", fuzzer.requests());
        fuzzer.assertNoFailures();
    }
}

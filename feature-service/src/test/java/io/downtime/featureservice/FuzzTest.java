package io.downtime.featureservice;

import io.downtime.stub.EndpointFuzzer;
import io.downtime.stub.EndpointFuzzer.Endpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

/** Every endpoint of feature-service fuzzed: always a 4xx problem naming the problem, never a 5xx or a hang. */
@QuarkusTest
@QuarkusTestResource(StubCollector.class)
class FuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointAnswersBadInputWithAProblem() {
        EndpointFuzzer fuzzer = new EndpointFuzzer(base.toString(), 13, false)
                .fuzz(Endpoint.get("/features"))
                .fuzz(Endpoint.get("/features/schema"))
                .fuzz(Endpoint.get("/features/{instance}"))
                .fuzz(Endpoint.postJson("/features/batch", "[\"srv-a\", \"srv-b\"]"))
                .fuzz(Endpoint.get("/training-set", "horizon", "from", "to", "format"));
        System.out.printf("fuzzed feature-service with %d requests%n", fuzzer.requests());
        fuzzer.assertNoFailures();
    }
}

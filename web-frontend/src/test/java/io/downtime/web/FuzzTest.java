package io.downtime.web;

import io.downtime.stub.EndpointFuzzer;
import io.downtime.stub.EndpointFuzzer.Endpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

/**
 * Every page and form of the web UI fuzzed: never a 5xx or a hang; a 4xx is a page or a problem saying what is wrong.
 * (Hostile strings shown as text, never as markup, are asserted in FleetPageTest and PagesTest.)
 */
@QuarkusTest
@QuarkusTestResource(StubPredictor.class)
class FuzzTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyPageAnswersBadInputWithoutAServerError() {
        EndpointFuzzer fuzzer = new EndpointFuzzer(base.toString(), 14, true)
                .fuzz(Endpoint.get("/", "q", "sort"))
                .fuzz(Endpoint.get("/fleet/table", "q", "sort"))
                .fuzz(Endpoint.get("/instances/{instance}"))
                .fuzz(Endpoint.get("/models", "compare"))
                .fuzz(Endpoint.post("/models/{version}/promote"))
                .fuzz(Endpoint.post("/models/rollback"))
                .fuzz(Endpoint.get("/predict", "instance"))
                .fuzz(Endpoint.postForm("/predict", "instance=web-3&f.load1_last=3.5"))
                .fuzz(Endpoint.get("/settings"))
                .fuzz(Endpoint.get("/train"))
                .fuzz(Endpoint.post("/train"))
                .fuzz(Endpoint.get("/train/{id}"))
                .fuzz(Endpoint.get("/train/{id}/status"));
        System.out.printf("fuzzed the web UI with %d requests%n", fuzzer.requests());
        fuzzer.assertNoFailures();
    }
}

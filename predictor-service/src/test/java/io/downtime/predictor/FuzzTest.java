package io.downtime.predictor;

import io.downtime.stub.EndpointFuzzer;
import io.downtime.stub.EndpointFuzzer.Endpoint;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;

/** Every endpoint of the predictor fuzzed: always a 4xx problem naming the problem, never a 5xx or a hang. */
@QuarkusTest
@TestProfile(FuzzTest.OwnApplication.class)
@QuarkusTestResource(value = StubFeatureService.class, restrictToAnnotatedClass = true)
class FuzzTest {

    /** An application of its own: fuzzing trains, promotes and rolls back, which the other tests must not see. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyEndpointAnswersBadInputWithAProblem() throws InterruptedException {
        FirstModel.await();
        EndpointFuzzer fuzzer = new EndpointFuzzer(base.toString(), 11, false)
                .fuzz(Endpoint.postJson("/predict", "{\"instance\": \"srv-1\", \"features\": {\"load_slope\": 1.5, "
                        + "\"noise\": null}}", "explain"))
                .fuzz(Endpoint.postJson("/predict/batch", "[{\"instance\": \"srv-1\"}, {\"instance\": \"x\", "
                        + "\"features\": {\"load_last\": 0.5}}]", "explain"))
                .fuzz(Endpoint.get("/predictions"))
                .fuzz(Endpoint.get("/predictions/{instance}/history"))
                .fuzz(Endpoint.get("/models"))
                .fuzz(Endpoint.get("/models/champion"))
                .fuzz(Endpoint.get("/models/{version}"))
                .fuzz(Endpoint.post("/models/train", "algorithm"))
                .fuzz(Endpoint.get("/jobs"))
                .fuzz(Endpoint.get("/jobs/{id}"))
                .fuzz(Endpoint.post("/models/{version}/promote"))
                .fuzz(Endpoint.post("/models/rollback"));
        System.out.printf("fuzzed the predictor with %d requests%n", fuzzer.requests());
        fuzzer.assertNoFailures();
    }
}

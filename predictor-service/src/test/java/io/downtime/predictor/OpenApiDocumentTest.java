package io.downtime.predictor;

import io.downtime.stub.ApiContract;
import io.downtime.stub.OpenApiCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document says what every operation can answer, errors as problem+json, and which need the token; it
 * is the committed contract (docs/api) its neighbours' stubs are held to, and the real answers keep it.
 */
@QuarkusTest
@QuarkusTestResource(StubFeatureService.class)
class OpenApiDocumentTest {

    private static final String SERVICE = "predictor-service";

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationDocumentsEveryAnswerItCanGive() throws Exception {
        OpenApiCheck.assertComplete(base.toString(),
                Set.of("POST /models/rollback", "POST /models/train", "POST /models/{version}/promote",
                        "POST /alarms/{id}/review"));
    }

    @Test
    void theDocumentIsTheCommittedContract() throws Exception {
        ApiContract.assertDescribes(SERVICE, base.toString());
    }

    @Test
    void realAnswersKeepTheContract() throws InterruptedException {
        FirstModel.await();
        for (String path : new String[]{"/predictions", "/predictions/srv-1/history", "/models", "/models/champion",
                "/models/000001", "/models/algorithms", "/jobs"}) {
            keeps("GET", path, given().get(path));
        }
        keeps("POST", "/predict", given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict"));
        keeps("POST", "/predict/batch", given().contentType(ContentType.JSON)
                .body("[{\"instance\": \"srv-1\"}, {\"instance\": \"srv-2\"}]").post("/predict/batch"));
    }

    private static void keeps(String method, String path, Response response) {
        ApiContract.of(SERVICE).assertAllows(method, path, response.statusCode(), response.asString());
    }
}

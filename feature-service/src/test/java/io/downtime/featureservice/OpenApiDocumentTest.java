package io.downtime.featureservice;

import io.downtime.stub.ApiContract;
import io.downtime.stub.OpenApiCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document says what every operation can answer, errors as problem+json, and which need the token; it
 * is the committed contract (docs/api) its neighbours' stubs are held to, and the real answers keep it.
 */
@QuarkusTest
@QuarkusTestResource(StubCollector.class)
class OpenApiDocumentTest {

    private static final String SERVICE = "feature-service";

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationDocumentsEveryAnswerItCanGive() throws Exception {
        OpenApiCheck.assertComplete(base.toString(), Set.of());
    }

    @Test
    void theDocumentIsTheCommittedContract() throws Exception {
        ApiContract.assertDescribes(SERVICE, base.toString());
    }

    @Test
    void realAnswersKeepTheContract() {
        for (String path : List.of("/features/schema", "/features", "/features/srv-a", "/features/compact")) {
            Response response = given().get(path);
            ApiContract.of(SERVICE).assertAllows("GET", path, response.statusCode(), response.asString());
        }
        Response batch = given().contentType(ContentType.JSON).body("[\"srv-a\", \"srv-b\"]")
                .post("/features/batch");
        ApiContract.of(SERVICE).assertAllows("POST", "/features/batch", batch.statusCode(), batch.asString());
    }
}

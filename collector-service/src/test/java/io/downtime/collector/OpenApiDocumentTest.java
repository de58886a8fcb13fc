package io.downtime.collector;

import io.downtime.stub.ApiContract;
import io.downtime.stub.OpenApiCheck;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
class OpenApiDocumentTest {

    private static final String SERVICE = "collector-service";

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationDocumentsEveryAnswerItCanGive() throws Exception {
        OpenApiCheck.assertComplete(base.toString(), Set.of("POST /ingest/logs", "POST /ingest/alertmanager"));
    }

    @Test
    void theDocumentIsTheCommittedContract() throws Exception {
        ApiContract.assertDescribes(SERVICE, base.toString());
    }

    @Test
    void realAnswersKeepTheContract() {
        List<String> instances = given().get("/instances").then().statusCode(200).extract().path("instance");
        String instance = instances.get(0);
        for (String path : List.of("/signals", "/instances", "/incidents", "/sim/targets", "/feed",
                "/feed?lag=1440", "/samples?instance=" + instance, "/samples?instance=" + instance + "&format=compact",
                "/sim/history")) {
            Response response = given().urlEncodingEnabled(false).get(path);
            ApiContract.of(SERVICE).assertAllows("GET", path.replaceAll("\\?.*", ""), response.statusCode(), response.asString());
        }
        Response received = given().contentType("application/json").body(("{\"version\": \"4\", \"status\": "
                + "\"firing\", \"alerts\": [{\"status\": \"firing\", \"fingerprint\": \"0a1b2c\", \"labels\": "
                + "{\"alertname\": \"InstanceDown\", \"instance\": \"%s\"}, \"startsAt\": \"2026-12-01T10:00:00Z\"}]}")
                .formatted(instance)).post("/ingest/alertmanager");
        ApiContract.of(SERVICE).assertAllows("POST", "/ingest/alertmanager", received.statusCode(), received.asString());
        Response incidents = given().get("/incidents");
        ApiContract.of(SERVICE).assertAllows("GET", "/incidents", incidents.statusCode(), incidents.asString());
    }
}

package io.downtime.feature;

import io.downtime.stub.OpenApiCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Set;

/** The OpenAPI document says what every operation can answer, errors as problem+json, and which need the token. */
@QuarkusTest
@QuarkusTestResource(StubCollector.class)
class OpenApiDocumentTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationDocumentsEveryAnswerItCanGive() throws Exception {
        OpenApiCheck.assertComplete(base.toString(), Set.of());
    }
}

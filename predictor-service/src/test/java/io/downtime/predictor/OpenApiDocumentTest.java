package io.downtime.predictor;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.stub.OpenApiCheck;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document says what every operation can answer, errors as problem+json, and which need the token. */
@QuarkusTest
@QuarkusTestResource(StubFeatureService.class)
class OpenApiDocumentTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void everyOperationDocumentsEveryAnswerItCanGive() throws Exception {
        JsonNode document = OpenApiCheck.fetch(base.toString());
        assertTrue(document.path("paths").size() > 0, "the document lists the operations");
        assertEquals(List.of(), OpenApiCheck.problems(document));
        assertEquals(Set.of("POST /models/rollback", "POST /models/train", "POST /models/{version}/promote"), OpenApiCheck.adminOperations(document));
    }
}

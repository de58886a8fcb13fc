package io.downtime.ceiling;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CeilingResourceTest {

    @Test
    void parsesTheBodyOfAPredictRequest() {
        given().contentType("application/json")
                .body("{\"instance\": \"web-1\", \"features\": {\"cpu_last\": 0.5, \"mem_last\": 0.25, \"gone\": null}}")
                .post("/predict").then().statusCode(200)
                .body("instance", equalTo("web-1")).body("features", equalTo(3)).body("sum", equalTo(0.75f));
    }
}

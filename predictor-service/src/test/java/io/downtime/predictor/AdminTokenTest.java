package io.downtime.predictor;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** With an admin token configured, operations that change the system need it; reading stays open. */
@QuarkusTest
@TestProfile(AdminTokenTest.WithToken.class)
class AdminTokenTest {

    /** The token a Kubernetes Secret would provide. */
    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("downtime.admin-token", "s3cret");
        }
    }

    @Test
    void trainingPromotionAndRollbackNeedTheBearerToken() {
        given().post("/models/train").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("detail", containsString("Authorization: Bearer"));
        given().header("Authorization", "Bearer wrong").post("/models/rollback").then().statusCode(401)
                .body("detail", containsString("wrong"))
                .body(not(containsString("s3cret")));
        given().header("Authorization", "Bearer s3cret").post("/models/000042/promote").then().statusCode(404);
        given().get("/models").then().statusCode(200);
        given().contentType("application/json").body("{\"verdict\": \"confirmed\"}").post("/alarms/1/review").then()
                .statusCode(401).contentType("application/problem+json");
        given().get("/alarms").then().statusCode(200);
    }
}

package io.downtime.predictor;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any algorithm can be trained through the API, stored, promoted and served with its own kind of explanation. */
@QuarkusTest
@TestProfile(AlgorithmTrainingTest.OwnRegistry.class)
class AlgorithmTrainingTest {

    /** A fresh application and registry for this class. */
    public static class OwnRegistry implements QuarkusTestProfile {
    }

    @Test
    void aRandomForestAndALogisticModelAreTrainedStoredAndServedWithTheirExplanations() throws InterruptedException {
        awaitReady();
        String forest = train("random-forest");
        given().post("/models/" + forest + "/promote").then().statusCode(200).body("algorithm", equalTo("random-forest"));
        given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict").then()
                .statusCode(200)
                .body("model.name", equalTo("random-forest"))
                .body("explanationMethod", equalTo("tree-shap-vote-share"));

        String logistic = train("logistic");
        given().post("/models/" + logistic + "/promote").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"instance\": \"srv-1\"}").post("/predict").then()
                .statusCode(200)
                .body("model.name", equalTo("logistic"))
                .body("explanationMethod", equalTo("linear"));
        given().get("/models").then().statusCode(200)
                .body("algorithm", hasItems("xgboost", "random-forest", "logistic"));
    }

    @Test
    void anUnknownAlgorithmIsABadRequestNamingTheChoices() {
        given().post("/models/train?algorithm=deep-magic").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("deep-magic"))
                .body("detail", containsString("random-forest"));
    }

    @Test
    void theOptionsOfATrainingAreAJsonBodyAndNothingUnknownIsIgnored() {
        given().contentType(ContentType.JSON).body("{\"algorithm\": \"random-forest\", \"rounds\": 5}")
                .post("/models/train").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("rounds")).body("detail", containsString("unknown field 'rounds'"));
        given().contentType(ContentType.JSON).body("{\"algorithm\": 3}").post("/models/train").then()
                .statusCode(400).body("field", equalTo("algorithm"));
        given().contentType(ContentType.JSON).body("[\"svm\"]").post("/models/train").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"algorithm\": \"svm\"}")
                .post("/models/train?algorithm=logistic").then().statusCode(400)
                .body("detail", containsString("svm")).body("detail", containsString("logistic"));
        given().post("/models/train?algoritm=svm").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("algoritm"))
                .body("detail", equalTo("unknown query parameter 'algoritm'; this operation takes algorithm"));
        given().get("/models?verbose=true").then().statusCode(400).body("field", equalTo("verbose"));
    }

    @Test
    void aJsonBodyChoosesTheAlgorithm() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Response started;
        do {
            started = given().contentType(ContentType.JSON).body("{\"algorithm\": \"static-threshold\"}")
                    .post("/models/train");
            if (started.statusCode() == 409) {
                Thread.sleep(200);
            }
            assertTrue(Instant.now().isBefore(deadline), "another training never finished");
        } while (started.statusCode() == 409);
        started.then().statusCode(202).body("algorithm", equalTo("static-threshold"));
    }

    private static String train(String algorithm) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Response started;
        do {
            started = given().post("/models/train?algorithm=" + algorithm);
            if (started.statusCode() == 409) {
                Thread.sleep(200);
            }
            assertTrue(Instant.now().isBefore(deadline), "another training never finished");
        } while (started.statusCode() == 409);
        started.then().statusCode(202).body("algorithm", equalTo(algorithm));
        String location = started.header("Location");
        String state;
        do {
            Thread.sleep(200);
            state = given().get(location).then().statusCode(200).extract().path("state");
            assertTrue(Instant.now().isBefore(deadline), algorithm + " training did not finish");
        } while (state.equals("running"));
        return given().get(location).then().body("state", equalTo("succeeded"))
                .extract().path("result.model.version");
    }

    private static void awaitReady() throws InterruptedException {
        FirstModel.await();
    }
}

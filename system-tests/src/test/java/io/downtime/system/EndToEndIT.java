package io.downtime.system;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The walking skeleton end to end: the four packaged services as real processes on the simulator, the predictor
 * training its first model, a prediction over HTTP, the fleet page, the exported gauges, and the model surviving a
 * restart of the predictor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static RunningSystem system;
    private static ServiceProcess collector;
    private static ServiceProcess predictor;
    private static ServiceProcess web;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.start();
        collector = system.collector;
        predictor = system.predictor;
        web = system.web;
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    private static List<String> instances() {
        return given().baseUri(collector.url()).get("/instances").then().statusCode(200)
                .body("", hasSize(20)).extract().path("instance");
    }

    @Test
    @Order(1)
    void predictsTheRiskOfASimulatedServer() {
        float probability = given().baseUri(predictor.url()).contentType(ContentType.JSON)
                .body("{\"instance\": \"web-1\"}").post("/predict")
                .then().statusCode(200)
                .body("instance", equalTo("web-1"))
                .body("horizon", equalTo("1h"))
                .body("model.name", equalTo("xgboost"))
                .extract().path("probability");
        assertTrue(probability >= 0 && probability <= 1, "probability " + probability);
    }

    @Test
    @Order(2)
    void thePageListsEveryServerRiskiestFirst() {
        String page = given().baseUri(web.url()).get("/").then().statusCode(200).extract().asString();
        for (String instance : instances()) {
            assertTrue(page.contains(">" + instance + "<"), instance + " is not on the page");
        }
        Matcher percent = Pattern.compile("class=\"probability\">([0-9.]+) %<").matcher(page);
        List<Double> shown = new ArrayList<>();
        while (percent.find()) {
            shown.add(Double.parseDouble(percent.group(1)));
        }
        assertEquals(20, shown.size());
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i - 1) >= shown.get(i), "not sorted by risk: " + shown);
        }
    }

    @Test
    @Order(3)
    void exportsAGaugeForEveryServer() {
        String metrics = given().baseUri(predictor.url()).get("/q/metrics").then().statusCode(200).extract().asString();
        for (String instance : instances()) {
            assertTrue(metrics.contains("downtime_probability{horizon=\"1h\",instance=\"" + instance
                    + "\",model=\"xgboost\"}"), "no downtime_probability for " + instance);
        }
    }

    @Test
    @Order(4)
    void adminOperationsNeedTheToken() {
        given().baseUri(predictor.url()).post("/models/rollback").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", equalTo("Bearer"));
        given().baseUri(collector.url()).contentType(ContentType.JSON).body("[{\"host\": \"web-1\", \"message\": \"m\"}]")
                .post("/ingest/logs").then().statusCode(401);
        given().baseUri(collector.url()).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + RunningSystem.ADMIN_TOKEN)
                .body("[{\"host\": \"web-1\", \"message\": \"m\"}]").post("/ingest/logs").then().statusCode(200);
    }

    @Test
    @Order(5)
    void theModelSurvivesARestartOfThePredictor() throws Exception {
        String version = given().baseUri(predictor.url()).get("/models/champion").then().statusCode(200)
                .extract().path("version");
        system.restartPredictor();
        predictor = system.predictor;
        given().baseUri(predictor.url()).get("/models/champion").then().statusCode(200)
                .body("version", equalTo(version));
        assertTrue(predictor.log().contains("from the registry"), "the restarted predictor did not load its model");
        assertFalse(predictor.log().contains("training an XGBoost model"), "the restarted predictor trained again");
    }
}

package io.downtime.system;

import io.downtime.stub.ServiceProcess;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

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
    void predictsTheRiskOfASimulatedServerFromTheFeaturesFeatureServiceComputes() throws Exception {
        // The prediction by name scores the vector feature-service serves: the same vector sent as given features gets
        // the same probability and risk (retried while a new sample moves the vector between the calls).
        for (int attempt = 0; ; attempt++) {
            com.fasterxml.jackson.databind.JsonNode vector = JSON.readTree(given().baseUri(system.features.url())
                    .get("/features/web-1").then().statusCode(200).extract().asString());
            Map<String, Object> byName = given().baseUri(predictor.url()).contentType(ContentType.JSON)
                    .body("{\"instance\": \"web-1\"}").post("/predict")
                    .then().statusCode(200)
                    .body("instance", equalTo("web-1"))
                    .body("horizon", equalTo("1h"))
                    .body("model.name", equalTo("xgboost"))
                    .extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE))
                    .get("");
            String at = vector.path("timestamp").asText();
            if (!at.equals(byName.get("featuresAt")) && attempt < 5) {
                continue;
            }
            assertEquals(at, byName.get("featuresAt"), "the vector moved on five times");
            // Doubles as text, exactly as feature-service wrote them (not through a float).
            String given = "{\"instance\": \"web-1\", \"features\": " + vector.path("features") + "}";
            Map<String, Object> byFeatures = given().baseUri(predictor.url()).contentType(ContentType.JSON)
                    .body(given).post("/predict").then().statusCode(200).extract()
                    .jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE))
                    .get("");
            double probability = ((Number) byName.get("probability")).doubleValue();
            assertEquals(probability, ((Number) byFeatures.get("probability")).doubleValue(), 1e-12);
            assertEquals(byName.get("risk"), byFeatures.get("risk"));
            double threshold = ((Number) byName.get("threshold")).doubleValue();
            assertEquals(probability >= threshold ? "high" : probability >= threshold / 2 ? "elevated" : "low",
                    byName.get("risk"), "risk against threshold " + threshold);
            return;
        }
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
    void exportsTheFleetScoreOfEveryServerAsAGauge() {
        // The gauge holds the probability of the same fleet scoring GET /predictions shows (read between two reads of
        // it that agree on when it scored).
        for (int attempt = 0; ; attempt++) {
            io.restassured.path.json.JsonPath before = given().baseUri(predictor.url()).get("/predictions").then()
                    .statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                            .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
            String metrics = given().baseUri(predictor.url()).get("/q/metrics").then().statusCode(200).extract()
                    .asString();
            String after = given().baseUri(predictor.url()).get("/predictions").then().extract().path("scoredAt");
            if (!after.equals(before.getString("scoredAt")) && attempt < 5) {
                continue;
            }
            List<String> instances = instances();
            assertEquals(instances.size(), before.getList("predictions").size());
            for (String instance : instances) {
                Matcher gauge = Pattern.compile("downtime_probability\\{horizon=\"1h\",instance=\""
                        + Pattern.quote(instance) + "\",model=\"xgboost\"} (\\S+)").matcher(metrics);
                assertTrue(gauge.find(), "no downtime_probability for " + instance);
                double scored = before.getDouble("predictions.find { it.instance == '" + instance + "' }.probability");
                assertEquals(scored, Double.parseDouble(gauge.group(1)), 1e-9, instance);
            }
            return;
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

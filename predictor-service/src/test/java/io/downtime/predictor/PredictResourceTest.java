package io.downtime.predictor;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubFeatureService.class)
class PredictResourceTest {

    @BeforeEach
    void waitForTheFirstModel() throws InterruptedException {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
        FirstModel.await();
    }

    private static io.restassured.response.ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void readyMeansEveryInstanceHasItsProbabilityExported() {
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String instance : StubFeatureService.INSTANCES) {
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("downtime_probability{")
                    && line.contains("instance=\"" + instance + "\"")), instance + " has no downtime_probability");
        }
    }

    @Test
    void predictsFromTheLatestFeaturesWithAnExplanation() {
        post("/predict", "{\"instance\": \"srv-1\"}").statusCode(200)
                .body("instance", equalTo("srv-1"))
                .body("probability", greaterThan(0.5))
                .body("horizon", equalTo("1h"))
                .body("risk", equalTo("high"))
                .body("threshold", greaterThan(0.0))
                .body("model.name", equalTo("xgboost"))
                .body("model.version", equalTo("000001"))
                .body("explanationMethod", equalTo("tree-shap"))
                .body("explanation[0].feature", equalTo("load_slope"))
                .body("explanation[0].contribution", greaterThan(0.0))
                .body("featuresAt", equalTo("2026-01-02T00:00:00Z"));
        post("/predict", "{\"instance\": \"srv-4\"}").statusCode(200)
                .body("probability", lessThan(0.05))
                .body("risk", equalTo("low"))
                .body("stale", equalTo(true));
    }

    @Test
    void predictsFromGivenFeaturesTreatingAbsentOnesAsMissing() {
        double steep = post("/predict", "{\"instance\": \"what-if\", \"features\": {\"load_slope\": 2.5}}")
                .statusCode(200).body("featuresAt", nullValue()).extract().path("probability");
        double flat = post("/predict", "{\"instance\": \"what-if\", \"features\": {\"load_slope\": -1, \"noise\": null}}")
                .statusCode(200).extract().path("probability");
        assertTrue(steep > flat + 0.5, "steep " + steep + " vs flat " + flat);
    }

    @Test
    void scoresABatchInOrder() {
        post("/predict/batch", "[{\"instance\": \"srv-4\"}, {\"instance\": \"srv-1\"}, "
                + "{\"instance\": \"x\", \"features\": {\"load_slope\": 0}}]").statusCode(200)
                .body("instance", equalTo(List.of("srv-4", "srv-1", "x")));
    }

    @ParameterizedTest(name = "{0} -> field {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "{}|instance",
            "{\"instance\": 5}|instance",
            "{\"instance\": \"\"}|instance",
            "{\"instance\": \"a\\u0001b\"}|instance",
            "{\"instance\": \"x\", \"features\": {\"nope\": 1}}|features.nope",
            "{\"instance\": \"x\", \"features\": {\"load_last\": \"high\"}}|features.load_last",
            "{\"instance\": \"x\", \"features\": {\"load_last\": 1e999}}|features.load_last",
            "{\"instance\": \"x\", \"features\": [1, 2]}|features",
            "{\"instance\": \"x\", \"extra\": 1}|extra",
            "[{\"instance\": \"x\"}]|NONE",
            "{\"instance\": NaN}|NONE",
            "{\"instance\": |NONE",
            "not json|NONE",
    })
    void badRequestsAreA400ProblemNamingTheField(String body, String field) {
        post("/predict", body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", not(equalTo("")))
                .body("field", field == null ? nullValue() : equalTo(field));
    }

    @Test
    void badBatchesAreA400Problem() {
        post("/predict/batch", "{\"instance\": \"x\"}").statusCode(400).contentType("application/problem+json");
        post("/predict/batch", "[{\"instance\": \"x\"}, {\"instance\": 3}]").statusCode(400)
                .body("field", equalTo("[1].instance"));
        String tooMany = "[" + String.join(",", Collections.nCopies(1001, "{\"instance\": \"x\"}")) + "]";
        post("/predict/batch", tooMany).statusCode(400).body("detail", containsString("at most 1000"));
    }

    @Test
    void malformedOrTooDeeplyNestedJsonIsA400ThatSaysSo() {
        for (String body : List.of("{", "{\"instance\":", "{\"instance\": \"a\",}", "{\"instance\": \"a\"} x",
                "{\"instance\": \"x\", \"features\": {\"load_last\": 1" + "0".repeat(1500) + "}}")) {
            post("/predict", body).statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("not valid JSON"));
        }
        post("/predict/batch", "[{\"instance\": \"a\"}").statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        post("/predict/batch", "[".repeat(5000) + "]".repeat(5000)).statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("[0]"));
        post("/predict", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("a"));
    }

    @Test
    void aFieldGivenTwiceIsRejectedNotSilentlyOverwritten() {
        post("/predict", "{\"instance\": \"a\", \"instance\": \"b\"}").statusCode(400)
                .body("field", equalTo("instance")).body("detail", containsString("twice"));
        post("/predict/batch", "[{\"instance\": \"a\", \"features\": {\"load_slope\": 1, \"load_slope\": 2}}]")
                .statusCode(400).body("field", equalTo("[0].features.load_slope"));
    }

    @Test
    void explainFalseLeavesOutTheContributionsButNotTheProbability() {
        String body = "{\"instance\": \"what-if\", \"features\": {\"load_slope\": 2.5}}";
        double explained = post("/predict", body).statusCode(200).body("explanation", not(hasSize(0)))
                .extract().path("probability");
        given().contentType(ContentType.JSON).body(body).queryParam("explain", "false").post("/predict").then()
                .statusCode(200).body("explanation", hasSize(0)).body("explanationMethod", equalTo("none"))
                .body("probability", equalTo(explained));
        given().contentType(ContentType.JSON).body("[" + body + "]").queryParam("explain", "false")
                .post("/predict/batch").then().statusCode(200).body("[0].explanation", hasSize(0));
        given().contentType(ContentType.JSON).body(body).queryParam("explain", "maybe").post("/predict").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("explain"));
    }

    @Test
    void anInstanceNameLongerThanAllowedIsRejected() {
        post("/predict", "{\"instance\": \"" + "x".repeat(254) + "\"}").statusCode(400).body("field", equalTo("instance"));
        post("/predict", "{\"instance\": \"" + "x".repeat(253) + "\", \"features\": {}}").statusCode(200);
    }

    @Test
    void anUnknownInstanceIsA404AndAWrongMediaTypeA415() {
        post("/predict", "{\"instance\": \"nope\"}").statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("nope"));
        given().contentType(ContentType.TEXT).body("srv-1").post("/predict").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void exportsTheProbabilityOfEveryInstanceAsAGauge() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String instance : StubFeatureService.INSTANCES) {
            assertTrue(metrics.contains("downtime_probability{horizon=\"1h\",instance=\"" + instance
                    + "\",model=\"xgboost\"}"), "no gauge for " + instance);
        }
    }

    @Test
    void exportsEachInstancesAlarmThresholdBesideItsProbabilityTheModelsOnTheFirstDay() {
        double modelThreshold = given().get("/models/champion").then().statusCode(200)
                .extract().jsonPath().getDouble("quality.threshold");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String instance : StubFeatureService.INSTANCES) {
            String prefix = "downtime_alarm_threshold{horizon=\"1h\",instance=\"" + instance + "\",model=\"xgboost\"} ";
            String line = metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no alarm threshold gauge for " + instance));
            assertEquals(modelThreshold, Double.parseDouble(line.substring(prefix.length())), 1e-9,
                    "no instance has a day of scores yet: " + line);
        }
        assertTrue(metrics.contains("downtime_predictor_own_threshold_instances 0.0"), "none alarms at its own yet");
        post("/predict", "{\"instance\": \"srv-1\"}").statusCode(200).body("threshold", equalTo(modelThreshold));
    }

    @Test
    void exportsTheStrongestReasonsOfEachScoreAsGauges() {
        List<String> reasons = post("/predict", "{\"instance\": \"srv-1\"}").statusCode(200)
                .extract().path("explanation.feature");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String feature : reasons.subList(0, 3)) {
            assertTrue(metrics.contains("downtime_contribution{feature=\"" + feature + "\",horizon=\"1h\",instance=\"srv-1\"}"),
                    "no contribution gauge for " + feature);
        }
        for (String feature : reasons.subList(3, reasons.size())) {
            assertFalse(metrics.contains("downtime_contribution{feature=\"" + feature + "\",horizon=\"1h\",instance=\"srv-1\"}"),
                    "only the three strongest reasons are exported, not " + feature);
        }
    }

    @Test
    void describesTheServedModelAndTheScoringOnMetrics() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String tags = "{horizon=\"1h\",model=\"xgboost\"}";
        for (String line : List.of(
                "downtime_predictor_model_info{horizon=\"1h\",model=\"xgboost\",schema=\""
                        + StubFeatureService.SCHEMA.hash() + "\",trained_on=\"fleet\",version=\"000001\"} 1.0",
                "downtime_predictor_threshold" + tags,
                "downtime_predictor_model_created_timestamp_seconds" + tags,
                "downtime_predictor_model_quality{horizon=\"1h\",metric=\"pr_auc\",model=\"xgboost\"}",
                "downtime_predictor_feature_age_seconds{instance=\"srv-1\"}",
                "downtime_predictor_scoring_duration_seconds_count",
                "downtime_predictor_scoring_duration_seconds_bucket{le=\"0.1\"}",
                "downtime_predictor_scoring_last_success_timestamp_seconds",
                "downtime_predictor_stale_instances 1.0")) {
            assertTrue(metrics.contains(line), "missing on /q/metrics: " + line);
        }
    }

    @Test
    void listsTheFleetRiskiestFirst() {
        List<Double> probabilities = given().get("/predictions").then().statusCode(200)
                .body("predictions", hasSize(4))
                .body("predictions[0].instance", equalTo("srv-1"))
                .extract().path("predictions.probability");
        for (int i = 1; i < probabilities.size(); i++) {
            assertTrue(probabilities.get(i - 1) >= probabilities.get(i));
        }
    }

    @Test
    void keepsTheRecentScoresOfEachInstance() {
        given().get("/predictions/srv-1/history").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(1))
                .body("[0].probability", greaterThan(0.5));
        given().get("/predictions/nope/history").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void describesTheRegisteredModel() {
        given().get("/models").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].algorithm", equalTo("xgboost"))
                .body("[0].featureSchema", equalTo(StubFeatureService.SCHEMA.hash()))
                .body("[0].quality.prAuc", greaterThan(0.5))
                .body("[0].quality.validationPositives", greaterThanOrEqualTo(1));
        String version = given().get("/models/champion").then().statusCode(200).extract().path("version");
        assertEquals("000001", version);
    }
}

package io.downtime.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.endsWith;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StubPredictor.class)
class PagesTest {

    @Test
    void theInstancePageShowsThePredictionItsReasonsTrendSignalsIncidentsAndLogs() {
        given().get("/instances/web-3").then().statusCode(200)
                .body(containsString("91.0 %"))
                .body(containsString("alarm threshold 30.0 %, the model&#39;s"))
                .body(containsString("tree-shap"))
                .body(containsString("<rect class=\"raises\""))
                .body(containsString("<rect class=\"lowers\""))
                .body(containsString("aria-label=\"downtime probability of web-3\""))
                .body(containsString("<rect class=\"incident\""))
                .body(containsString("<figcaption>load1</figcaption>"))
                .body(containsString("Log lines per minute"))
                .body(containsString("<figcaption>log_errors</figcaption>"));
    }

    @Test
    void theFleetAndInstancePagesListTheAlarmsToReviewAndTheFormRecordsAReview() {
        for (String page : List.of("/", "/instances/web-3", "/alarms")) {
            String html = given().get(page).then().statusCode(200).extract().asString();
            assertTrue(html.contains("action=\"/alarms/7/review\""), page + " has the review form");
            assertTrue(html.contains("91.0 %") && html.contains("memory_available_ratio_slope_60"), page);
            assertTrue(html.contains("value=\"false-alarm\"") && html.contains("value=\"confirmed\""), page);
        }
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("verdict", "false-alarm").formParam("note", "load test").formParam("back", "/instances/web-3")
                .post("/alarms/7/review").then().statusCode(303).header("Location", endsWith("/instances/web-3"));
        JsonPath sent = JsonPath.from(StubPredictor.lastReviewRequest);
        assertEquals("false-alarm", sent.getString("verdict"));
        assertEquals("load test", sent.getString("note"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("verdict", "confirmed").formParam("back", "//evil.example/")
                .post("/alarms/7/review").then().statusCode(303).header("Location", endsWith("/alarms"));
    }

    @Test
    void theFleetShowsTrendLinesAndFiltersAndSorts() {
        given().get("/").then().statusCode(200).body(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\""))
                .body(containsString("<polyline"));
        given().queryParam("q", "api").get("/fleet/table").then().statusCode(200)
                .body(containsString("1 instances")).body(not(containsString(">web-3<")));
        String byName = given().queryParam("sort", "name").get("/fleet/table").asString();
        assertTrue(byName.indexOf(">api-1<") < byName.indexOf(">web-3<"));
    }

    @Test
    void theModelsPageIsALeaderboardWithPromotion() {
        given().get("/models").then().statusCode(200)
                .body(containsString("0.750 (3 of 4 reviewed, 2 waiting)"))
                .body(containsString("2 stored versions"))
                .body(containsString("0.810"))
                .body(containsString("<strong>champion</strong>"))
                .body(containsString("action=\"/models/000001/promote\""))
                .body(containsString(" ago</time>"))
                .body(containsString("The champion was trained on the simulator's fleet"))
                .body(containsString(">simulator</abbr>"))
                .body(not(containsString("action=\"/models/000002/promote\"")))
                .body(containsString("<td>0.889</td><td>14.000</td>"))
                .body(containsString("early recall 0.556"))
                .body(containsString("share of the time in alarm 0.087; Brier score 0.050"))
                .body(containsString("<th scope=\"row\">0.500–1.000</th><td>100</td><td>0.700</td><td>0.600</td>"))
                .body(containsString("<td>61</td><td>40</td>"))
                .body(containsString("<td>26</td><td>873</td>"))
                .body(containsString("class=\"curve\""))
                .body(containsString("<rect class=\"share\""));
        given().queryParam("compare", "000001").get("/models").then().statusCode(200)
                .body(containsString("id=\"details-000001\""))
                .body(containsString("id=\"details-000002\""));
    }

    @Test
    void theTrainPageShowsAJobsProgress() {
        given().get("/train").then().statusCode(200)
                .body(containsString("<option value=\"random-forest\">random-forest</option>"))
                .body(containsString("<option value=\"svm\">svm</option>"));
        given().get("/train/j1").then().statusCode(200)
                .body(containsString("<progress id=\"progress\" max=\"100\" value=\"40\">"))
                .body(containsString("training"));
        given().get("/train/j1/status").then().statusCode(200).body("percent", equalTo(40));
    }

    @Test
    void thePredictPagePrefillsTheWeightiestFeaturesAndScoresAChange() {
        given().queryParam("instance", "web-3").get("/predict").then().statusCode(200)
                .body(containsString("name=\"f.memory_available_ratio_slope_60\" value=\"-0.01\""))
                .body(containsString("name=\"f.load1_last\" value=\"3.5\""));
        given().formParam("instance", "web-3").formParam("f.load1_last", "2").post("/predict").then().statusCode(200)
                .body(containsString("20.0 %"));
        // The page sends the changed value and every other feature as it was (a null stays missing).
        JsonPath sent = JsonPath.from(StubPredictor.lastPredictRequest);
        assertEquals("web-3", sent.getString("instance"));
        assertEquals(2.0, sent.getDouble("features.load1_last"));
        assertEquals(-0.01, sent.getDouble("features.memory_available_ratio_slope_60"));
        assertTrue(sent.getMap("features").containsKey("other"));
        assertNull(sent.get("features.other"));
        given().formParam("instance", "web-3").formParam("f.load1_last", "9").post("/predict").then().statusCode(200)
                .body(containsString("90.0 %"));
        given().formParam("instance", "web-3").formParam("f.load1_last", "lots").post("/predict").then().statusCode(200)
                .body(containsString("Every value must be a number."));
        given().formParam("instance", "web-3").formParam("f.<script>", "1").post("/predict").then().statusCode(200)
                .body(containsString("unknown feature &#39;&lt;script&gt;&#39;"));
    }

    @Test
    void theSettingsPageSaysWhatRuns() {
        given().get("/settings").then().statusCode(200)
                .body(containsString("simulator, one sample every 1m, 2 signals"))
                .body(containsString("xgboost 000002"));
    }

    @Test
    void everyPageCarriesSecurityHeadersAndNoInlineScript() {
        for (String page : new String[]{"/", "/models", "/train", "/predict", "/settings", "/instances/web-3"}) {
            String html = given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .extract().asString();
            assertFalse(html.matches("(?s).*<script>.*"), page + " has an inline script");
            assertFalse(html.contains(" style=\""), page + " has an inline style");
        }
    }
}

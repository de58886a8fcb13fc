package io.downtime.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(StubPredictor.class)
class FleetPageTest {

    @Test
    void listsTheInstancesRiskiestFirstWithTheirStrongestReason() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("3 instances"))
                .body(containsString("91.0 %"))
                .body(containsString("memory_available_ratio_slope_60 (raises risk)"))
                .body(containsString("<span class=\"badge badge-stale\">stale</span>"))
                .extract().asString();
        List<Integer> positions = List.of(page.indexOf(">web-3<"), page.indexOf("db</a>"), page.indexOf(">api-1<"));
        assertEquals(positions.stream().sorted().toList(), positions, "rows out of order: " + positions);
    }

    @Test
    void namesFromTheApiAreShownAsTextNeverAsMarkup() {
        given().get("/").then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;db"))
                .body(not(containsString("<b>load</b>")))
                .body(containsString("&lt;b&gt;load&lt;/b&gt;"));
    }

    @Test
    void saysWhenTheScoresAreTheLastOnesBecauseTheirSourceStoppedAnswering() {
        given().get("/").then().statusCode(200).body(not(containsString("not current")));
        StubPredictor.fleetStale = true;
        try {
            given().get("/").then().statusCode(200)
                    .body(containsString("These are the last scores, not current ones: feature-service did not answer"))
                    .body(containsString("3 instances"));
            given().get("/fleet/table").then().statusCode(200).body(containsString("not current ones"));
        } finally {
            StubPredictor.fleetStale = false;
        }
    }

    @Test
    void servesItsStylesheetFromItself() {
        given().get("/style.css").then().statusCode(200).contentType(containsString("text/css"));
    }
}

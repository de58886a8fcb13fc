package io.downtime.featureservice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(StubCollector.class)
class FeaturesResourceTest {

    @BeforeAll
    static void readNumbersAsDoubles() {
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void computesTheLatestVectorFromTheNewestSamples() {
        // srv-a's cpu_busy ends 0.25, 0.26, 0.27, 0.28, 0.29 (as floats): the 5-sample window by hand.
        given().get("/features/srv-a").then().statusCode(200)
                .body("instance", equalTo("srv-a"))
                .body("timestamp", equalTo("2026-01-01T00:29:00Z"))
                .body("features.cpu_busy_last", closeTo(0.29, 1e-7))
                .body("features.cpu_busy_mean_5", closeTo(0.27, 1e-7))
                .body("features.cpu_busy_min_5", closeTo(0.25, 1e-7))
                .body("features.cpu_busy_max_5", closeTo(0.29, 1e-7))
                .body("features.cpu_busy_std_5", closeTo(Math.sqrt(2) / 100, 1e-6))
                .body("features.cpu_busy_slope_5", closeTo(0.01, 1e-7))
                .body("features.memory_available_ratio_last", closeTo(0.7, 1e-7))
                .body("features.memory_available_ratio_slope_10", closeTo(0, 1e-12));
    }

    @Test
    void everyVectorCarriesTheSchemaHash() {
        String hash = given().get("/features/schema").then().statusCode(200)
                .body("names[0]", equalTo("cpu_busy_last"))
                .body("features[0].signal", equalTo("cpu_busy"))
                .body("features[0].statistic", equalTo("last"))
                .body("features[3].statistic", equalTo("min"))
                .body("features[3].window", equalTo(5))
                .body("features.find { it.name == 'gap_samples' }.signal", org.hamcrest.Matchers.nullValue())
                .extract().path("hash");
        given().get("/features").then().statusCode(200)
                .body("", hasSize(2))
                .body("schema", equalTo(List.of(hash, hash)));
    }

    @Test
    void servesManyInstancesAtOnceInTheOrderNamed() {
        given().contentType("application/json").body("[\"srv-b\", \"srv-a\"]").post("/features/batch")
                .then().statusCode(200)
                .body("instance", equalTo(List.of("srv-b", "srv-a")))
                .body("stale", equalTo(List.of(true, true)));
        given().contentType("application/json").body("[\"srv-a\", \"nope\"]").post("/features/batch")
                .then().statusCode(404).body("detail", containsString("nope"));
        given().contentType("application/json").body("{\"instances\": []}").post("/features/batch")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[\"srv-a\", 3]").post("/features/batch")
                .then().statusCode(400).body("field", equalTo("[1]"));
        given().contentType("application/json").body("[]").post("/features/batch").then().statusCode(400);
    }

    @Test
    void theTrainingSetStreamsAsJsonWithTheSameRows() {
        String csv = given().queryParam("horizon", "3m").get("/training-set").asString();
        given().queryParam("horizon", "3m").queryParam("format", "json").get("/training-set").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("names[0]", equalTo("cpu_busy_last"))
                .body("rows", hasSize((int) csv.lines().count() - 1))
                .body("rows[0].instance", equalTo("srv-a"))
                .body("rows.findAll { it.label == 1 }", hasSize(6))
                .body("rows.findAll { it.incident }", hasSize(3))
                .body("rows.findAll { it.observedDown }", hasSize(3));
        given().queryParam("format", "xml").get("/training-set").then().statusCode(400).body("field", equalTo("format"));
        given().queryParam("to", "2026-01-01T00:00:00Z").get("/training-set").then().statusCode(400)
                .body("field", equalTo("from"));
    }

    @Test
    void theCompactFormCarriesTheSameVectorsAsTheNamedOne() {
        Response compact = given().get("/features/compact");
        compact.then().statusCode(200)
                .body("schema", equalTo(given().get("/features/schema").path("hash")))
                .body("vectors.instance", equalTo(List.of("srv-a", "srv-b")))
                .body("vectors[0].timestamp", equalTo("2026-01-01T00:29:00Z"));
        List<String> names = compact.path("names");
        double[] values = io.downtime.features.Base64Columns.decodeDoubles(compact.path("vectors[0].values"));
        Response named = given().get("/features/srv-a");
        for (int i = 0; i < names.size(); i++) {
            Double value = named.path("features." + names.get(i));
            assertEquals(value == null ? Double.NaN : value, values[i], 0.0, names.get(i));
        }
    }

    @Test
    void aBoundedTrainingSetSaysHowItsRowsWereChosen() {
        given().queryParam("horizon", "3m").get("/training-set").then().statusCode(200)
                .header("X-Training-Sampling", equalTo("every row of all 2 instances"))
                .header("X-Sample-Step", equalTo("1m"));
        // a budget for one instance: the one with an incident is kept, with its whole history
        Response bounded = given().queryParam("horizon", "3m").queryParam("maxRows", 40).get("/training-set");
        bounded.then().statusCode(200)
                .header("X-Training-Sampling", containsString("1 of the 1 with an incident and 0 of the 1 without"));
        List<String> rows = bounded.asString().lines().skip(1).toList();
        assertEquals(27, rows.size());
        assertEquals(27, rows.stream().filter(r -> r.startsWith("srv-a,")).count());
        given().queryParam("maxRows", 0).get("/training-set").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("maxRows"));
    }

    @Test
    void aColdStartTrainsOnTheSimulatedFleetsHistory() {
        Response simulated = given().queryParam("horizon", "3m").queryParam("source", "simulator").get("/training-set");
        simulated.then().statusCode(200)
                .header("X-Training-Sampling", containsString("the simulator's fleet of 1 servers"));
        List<String> rows = simulated.asString().lines().skip(1).toList();
        assertEquals(27, rows.size());
        assertEquals(27, rows.stream().filter(r -> r.startsWith("sim-web-1,")).count());
        given().queryParam("source", "dreams").get("/training-set").then().statusCode(400)
                .body("field", equalTo("source"));
    }

    @Test
    void anUnknownInstanceIsA404Problem() {
        given().get("/features/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("nope"));
    }

    @Test
    void theTrainingSetLabelsIncidentsWithinTheHorizonAndLeavesOutUnknownRows() {
        Response response = given().queryParam("horizon", "3m").get("/training-set");
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("X-Feature-Schema", equalTo(given().get("/features/schema").path("hash")));
        List<String> lines = response.asString().lines().toList();
        assertEquals("instance,timestamp,label,incident,observed_down,cpu_busy_last",
                String.join(",", List.of(lines.get(0).split(",")).subList(0, 6)));
        // Each instance: 30 samples, the last 3 have a horizon past the data; srv-a's rows 17-22 are positive.
        assertEquals(1 + 2 * 27, lines.size());
        List<String> positives = lines.stream().skip(1).filter(l -> l.split(",")[2].equals("1")).toList();
        assertEquals(6, positives.size());
        long first = StubCollector.START + 17 * 60_000L;
        assertEquals("srv-a," + first, positives.get(0).substring(0, positives.get(0).indexOf(",1,")));
    }

    /** Labelled positive, in an incident, observed down: marked so, as training and every figure leave it out. */
    @Test
    void aDownSampleIsAMissingValue() {
        given().get("/features").then().statusCode(200)
                .body("find { it.instance == 'srv-b' }.features.cpu_busy_last", closeTo(0.5, 1e-12))
                // srv-a was down at 3 of its last 10 samples (20-22).
                .body("find { it.instance == 'srv-a' }.features.missing_share_10", closeTo(0.3, 1e-12));
        given().queryParam("horizon", "1m").get("/training-set").then().statusCode(200)
                .body(containsString("srv-a," + (StubCollector.START + 20 * 60_000L) + ",1,1,1,,"));
    }

    @Test
    void aBadHorizonIsA400ProblemNamingTheField() {
        given().queryParam("horizon", "soon").get("/training-set").then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("horizon"));
        given().queryParam("horizon", "90s").get("/training-set").then().statusCode(400)
                .body("detail", containsString("whole number of samples"));
    }
}

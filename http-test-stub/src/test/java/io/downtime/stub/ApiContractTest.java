package io.downtime.stub;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiContractTest {

    private static final String DOCUMENT = """
            {"paths": {"/items/{id}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                "404": {"content": {"application/problem+json": {}}}}}}},
             "components": {"schemas": {
                "Item": {"type": "object", "properties": {
                    "name": {"type": "string"}, "count": {"type": "integer"}, "score": {"type": "number"},
                    "kind": {"type": "string", "enum": ["a", "b"]}, "at": {"type": "string", "format": "date-time"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "extra": {"type": "object", "additionalProperties": {"type": "number"}}}}}}}""";

    private static final String GOOD = """
            {"name": "x", "count": 2, "score": 0.5, "kind": "a", "at": "2026-01-01T00:00:00Z", "tags": ["t"],
             "extra": {"anything": 1.5}}""";

    private static ApiContract contract() throws IOException {
        return ApiContract.parse("items-service", DOCUMENT);
    }

    @Test
    void anAnswerWithEveryPropertyOfTheRightTypeIsAllowedAndNullIsAcceptedAnywhere() throws IOException {
        assertEquals(List.of(), contract().violations("GET", "/items/7", 200, GOOD));
        assertEquals(List.of(), contract().violations("GET", "/items/7", 200, GOOD.replace("\"x\"", "null")));
    }

    @Test
    void everyKindOfDifferenceIsAViolation() throws IOException {
        assertTrue(one(GOOD.replace("\"kind\": \"a\"", "\"kind\": \"tree-path\"")).contains("not one of"));
        assertTrue(one(GOOD.replace("\"count\": 2", "\"count\": 2.5")).contains("$.count"));
        assertTrue(one(GOOD.replace("\"score\": 0.5, ", "")).contains("lacks [score]"));
        assertTrue(one(GOOD.replace("\"name\": \"x\"", "\"name\": \"x\", \"invented\": 1")).contains("$.invented"));
        assertTrue(one(GOOD.replace("2026-01-01T00:00:00Z", "yesterday")).contains("not a date-time"));
        assertTrue(one(GOOD.replace("[\"t\"]", "[3]")).contains("$.tags[0]"));
        assertTrue(one(GOOD.replace("1.5", "\"many\"")).contains("$.extra.anything"));
        assertTrue(contract().violations("GET", "/items", 200, GOOD).get(0).contains("no such operation"));
        assertTrue(contract().violations("GET", "/items/7", 500, GOOD).get(0).contains("does not answer 500"));
    }

    record Item(String name, long count, double score, String kind, java.time.Instant at, List<String> tags) {
    }

    record Misread(String name, String count, int missing) {
    }

    @Test
    void aClientRecordMayReadOnlyPropertiesTheServiceServesAsTheTypeItServes() throws IOException {
        assertEquals(List.of(), contract().recordViolations(Item.class, "Item"));
        List<String> problems = contract().recordViolations(Misread.class, "Item");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("Misread.count: read as string, served as integer"), problems.get(0));
        assertTrue(problems.get(1).contains("Misread.missing: items-service serves no such property"));
    }

    @Test
    void pathTemplatesMatchOneSegmentPerVariable() {
        assertTrue(ApiContract.matches("/models/{version}/promote", "/models/000002/promote"));
        assertTrue(!ApiContract.matches("/models/{version}", "/models/a/b"));
        assertTrue(!ApiContract.matches("/models/{version}", "/models/"));
    }

    private static String one(String body) throws IOException {
        List<String> problems = contract().violations("GET", "/items/7", 200, body);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}

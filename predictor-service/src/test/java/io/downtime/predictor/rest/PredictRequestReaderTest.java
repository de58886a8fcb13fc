package io.downtime.predictor.rest;

import io.downtime.features.FeatureSchema;
import io.downtime.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PredictRequestReaderTest {

    private final PredictRequestReader reader = new PredictRequestReader(
            FeatureSchema.ofNames(List.of("cpu", "mem", "disk"), "test"));

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void laysGivenFeaturesOutInSchemaOrderWithNaNForMissingOnes() throws IOException {
        PredictRequest request = reader.readOne(json(
                "{\"features\": {\"disk\": 3, \"cpu\": 0.25, \"mem\": null}, \"instance\": \"web-1\"}"));
        assertEquals("web-1", request.instance());
        assertArrayEquals(new double[] {0.25, Double.NaN, 3}, request.features());
    }

    @Test
    void readsFeaturesInSchemaOrderPartlyOutOfOrderOrWithGaps() throws IOException {
        assertArrayEquals(new double[] {1, 2, 3}, reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {\"cpu\": 1, \"mem\": 2, \"disk\": 3}}")).features());
        assertArrayEquals(new double[] {1, Double.NaN, 3}, reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {\"cpu\": 1, \"disk\": 3}}")).features());
        assertArrayEquals(new double[] {1, 2, 3}, reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {\"mem\": 2, \"disk\": 3, \"cpu\": 1}}")).features());
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {}}")).features());
    }

    @Test
    void aNameRepeatedInOrderOrAnUnknownOneBetweenKnownOnesIsNamed() {
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {\"cpu\": 1, \"mem\": 2, \"cpu\": 3}}")));
        assertEquals("features.cpu", twice.field());
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> reader.readOne(json(
                "{\"instance\": \"a\", \"features\": {\"cpu\": 1, \"cpux\": 2, \"mem\": 3}}")));
        assertEquals("features.cpux", unknown.field());
    }

    @Test
    void withoutFeaturesTheLatestOnesAreMeant() throws IOException {
        assertNull(reader.readOne(json("{\"instance\": \"web-1\"}")).features());
        assertNull(reader.readOne(json("{\"instance\": \"web-1\", \"features\": null}")).features());
    }

    @Test
    void readsABatchInOrderAndNamesTheElementOfAnError() throws IOException {
        List<PredictRequest> batch = reader.readBatch(json(
                "[{\"instance\": \"a\"}, {\"instance\": \"b\", \"features\": {\"cpu\": 1e3}}]"), 10);
        assertEquals(List.of("a", "b"), batch.stream().map(PredictRequest::instance).toList());
        assertEquals(1000, batch.get(1).features()[0]);
        InvalidInputException error = assertThrows(InvalidInputException.class, () -> reader.readBatch(json(
                "[{\"instance\": \"a\"}, {\"instance\": \"b\", \"features\": {\"cpu\": true}}]"), 10));
        assertEquals("[1].features.cpu", error.field());
    }

    @Test
    void stopsReadingAtTheBatchLimit() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> reader.readBatch(json("[{\"instance\": \"a\"}, {\"instance\": \"b\"}, {\"instance\": \"c\"}]"), 2));
        assertEquals("a batch may hold at most 2 requests", error.getMessage());
    }

    @Test
    void rejectsNumbersBeyondDoubleRange() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> reader.readOne(json("{\"instance\": \"a\", \"features\": {\"mem\": -1e400}}")));
        assertEquals("features.mem", error.field());
    }

    @Test
    void rejectsAnEmptyBody() {
        assertNull(assertThrows(InvalidInputException.class, () -> reader.readOne(new byte[0])).field());
    }
}

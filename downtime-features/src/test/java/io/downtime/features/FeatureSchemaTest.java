package io.downtime.features;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureSchemaTest {

    @Test
    void theHashIsTheContentNamesInOrderAndDefinition() {
        FeatureSchema schema = new FeatureSchema(List.of("a", "b"), "v1");
        assertEquals(schema.hash(), new FeatureSchema(List.of("a", "b"), "v1").hash());
        assertEquals(16, schema.hash().length());
        assertNotEquals(schema.hash(), new FeatureSchema(List.of("b", "a"), "v1").hash());
        assertNotEquals(schema.hash(), new FeatureSchema(List.of("a", "b"), "v2").hash());
        assertNotEquals(schema.hash(), new FeatureSchema(List.of("ab"), "v1").hash(), "names do not run together");
    }

    @Test
    void aMismatchIsAnErrorNamingBothHashes() {
        FeatureSchema schema = new FeatureSchema(List.of("a", "b"), "v1");
        schema.requireSameAs(schema.hash(), "a model");
        FeatureSchema.SchemaMismatchException error = assertThrows(FeatureSchema.SchemaMismatchException.class,
                () -> schema.requireSameAs("0123456789abcdef", "the served model"));
        assertTrue(error.getMessage().contains("0123456789abcdef") && error.getMessage().contains(schema.hash())
                && error.getMessage().contains("the served model"), error.getMessage());
    }

    @Test
    void namesMustBeUnique() {
        assertThrows(IllegalArgumentException.class, () -> new FeatureSchema(List.of("a", "a"), "v1"));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSchema(List.of("a", "b", "c", "b"), "v1"));
    }

    @Test
    void theSchemaKeepsItsOwnCopyOfTheNames() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        FeatureSchema schema = new FeatureSchema(names, "v1");
        String hash = schema.hash();
        names.add("c");
        assertEquals(List.of("a", "b"), schema.names());
        assertEquals(hash, schema.hash(), "the version of a schema never changes");
    }

    @Test
    void indexByNameGivesEachNamesPositionInTheVector() {
        FeatureSchema schema = new FeatureSchema(List.of("cpu_last", "mem_last", "gap_samples"), "v1");
        assertEquals(Map.of("cpu_last", 0, "mem_last", 1, "gap_samples", 2), schema.indexByName());
        assertEquals(3, schema.size());
    }
}

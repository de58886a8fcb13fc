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
        FeatureSchema schema = FeatureSchema.ofNames(List.of("a", "b"), "v1");
        assertEquals(schema.hash(), FeatureSchema.ofNames(List.of("a", "b"), "v1").hash());
        assertEquals(16, schema.hash().length());
        assertNotEquals(schema.hash(), FeatureSchema.ofNames(List.of("b", "a"), "v1").hash());
        assertNotEquals(schema.hash(), FeatureSchema.ofNames(List.of("a", "b"), "v2").hash());
        assertNotEquals(schema.hash(), FeatureSchema.ofNames(List.of("ab"), "v1").hash(), "names do not run together");
    }

    @Test
    void aMismatchIsAnErrorNamingBothHashes() {
        FeatureSchema schema = FeatureSchema.ofNames(List.of("a", "b"), "v1");
        schema.requireSameAs(schema.hash(), "a model");
        FeatureSchema.SchemaMismatchException error = assertThrows(FeatureSchema.SchemaMismatchException.class,
                () -> schema.requireSameAs("0123456789abcdef", "the served model"));
        assertTrue(error.getMessage().contains("0123456789abcdef") && error.getMessage().contains(schema.hash())
                && error.getMessage().contains("the served model"), error.getMessage());
    }

    @Test
    void namesMustBeUnique() {
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.ofNames(List.of("a", "a"), "v1"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.ofNames(List.of("a", "b", "c", "b"), "v1"));
    }

    @Test
    void theSchemaKeepsItsOwnCopyOfTheNames() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        FeatureSchema schema = FeatureSchema.ofNames(names, "v1");
        String hash = schema.hash();
        names.add("c");
        assertEquals(List.of("a", "b"), schema.names());
        assertEquals(hash, schema.hash(), "the version of a schema never changes");
    }

    @Test
    void indexByNameGivesEachNamesPositionInTheVector() {
        FeatureSchema schema = FeatureSchema.ofNames(List.of("cpu_last", "mem_last", "gap_samples"), "v1");
        assertEquals(Map.of("cpu_last", 0, "mem_last", 1, "gap_samples", 2), schema.indexByName());
        assertEquals(3, schema.size());
    }

    @Test
    void namesAreDerivedFromWhatEachFeatureIs() {
        FeatureSchema.Feature slope = FeatureSchema.Feature.of("cpu", FeatureSchema.Statistic.SLOPE, 60);
        assertEquals("cpu_slope_60", slope.name());
        assertEquals("cpu_last", FeatureSchema.Feature.of("cpu", FeatureSchema.Statistic.LAST, 0).name());
        assertEquals("missing_share_60",
                FeatureSchema.Feature.ofInstance(FeatureSchema.Statistic.MISSING_SHARE, 60).name());
        FeatureSchema.Feature relative = slope.relativeWith("rel_");
        assertEquals("rel_cpu_slope_60", relative.name());
        assertEquals("cpu", relative.signal());
        assertEquals(60, relative.window());
        FeatureExtractor extractor = new FeatureExtractor(java.util.List.of("mem", "cpu"));
        FeatureSchema.Feature zscore = extractor.schema().features().get(extractor.schema().names().indexOf("mem_zscore"));
        assertEquals(new FeatureSchema.Feature("mem_zscore", "mem", FeatureSchema.Statistic.ZSCORE, 0, false), zscore);
        assertThrows(IllegalArgumentException.class, () -> new FeatureSchema(java.util.List.of(slope),
                "v1", java.util.List.of("cpu_slope")), "names must be those of the features");
        assertEquals(FeatureSchema.Statistic.DAY_DIFF, FeatureSchema.Statistic.ofLabel("day_diff"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSchema.Statistic.ofLabel("median"));
    }
}

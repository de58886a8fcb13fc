package io.downtime.evaluation;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FeatureSetChoiceTest {

    private static final List<FeatureSchema.Feature> COMPUTED = List.of(
            FeatureSchema.Feature.of("m1", FeatureSchema.Statistic.LAST, 0),
            FeatureSchema.Feature.of("profile_pca_error", FeatureSchema.Statistic.LAST, 0),
            FeatureSchema.Feature.ofInstance(FeatureSchema.Statistic.GAP, 0));
    private static final FeatureSchema SCHEMA = new FeatureSchema(java.util.stream.Stream.concat(COMPUTED.stream(),
            COMPUTED.stream().map(f -> f.relativeWith("rel_"))).toList(), "test");

    private static LabelledRows rows() {
        return new LabelledRows(SCHEMA, new double[][]{{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}},
                new byte[]{0, 1}, new boolean[]{false, true}, new boolean[]{false, true}, new String[]{"a", "a"},
                new long[]{0, 60_000}, Duration.ofMinutes(1));
    }

    @Test
    void eachSetKeepsItsColumnsInOrderAndEverythingElseOfTheRows() {
        LabelledRows relative = FeatureSetChoice.select(rows(), FeatureSetChoice.FeatureSet.RELATIVE);
        assertEquals(List.of("rel_m1_last", "rel_profile_pca_error_last", "rel_gap_samples"), relative.schema().names());
        assertArrayEquals(new double[]{10, 11, 12}, relative.vectors()[1]);
        assertArrayEquals(new boolean[]{false, true}, relative.observedDown());
        assertArrayEquals(new byte[]{0, 1}, relative.labels());

        assertEquals(List.of("m1_last", "profile_pca_error_last", "gap_samples"),
                FeatureSetChoice.select(rows(), FeatureSetChoice.FeatureSet.ALL).schema().names());
        assertEquals(List.of("profile_pca_error_last", "gap_samples"),
                FeatureSetChoice.select(rows(), FeatureSetChoice.FeatureSet.PROFILE).schema().names());
    }

    @Test
    void eachSetHasASchemaOfItsOwn() {
        assertNotEquals(FeatureSetChoice.schema(SCHEMA, FeatureSetChoice.FeatureSet.ALL).hash(),
                FeatureSetChoice.schema(SCHEMA, FeatureSetChoice.FeatureSet.RELATIVE).hash());
    }
}

package io.downtime.evaluation;

import io.downtime.features.FeatureSchema;
import io.downtime.models.LabelledRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationSplitTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("minute"), "test");

    /** Rows of one entity whose only feature is the row's minute. */
    private static LabelledRows entity(String name, int n) {
        double[][] vectors = IntStream.range(0, n).mapToObj(i -> new double[]{i}).toArray(double[][]::new);
        return new LabelledRows(SCHEMA, vectors, new byte[n], IntStream.range(0, n).mapToObj(i -> name)
                .toArray(String[]::new), IntStream.range(0, n).mapToLong(i -> i * 60_000L).toArray(), Duration.ofMinutes(1));
    }

    @Test
    void withinEachEntityFitThresholdAndTestFollowEachOtherWithAHorizonGap() {
        EvaluationSplit split = EvaluationSplit.withinEntities(SCHEMA, List.of(entity("a", 100), entity("b", 200)),
                List.of(entity("a", 7), entity("b", 3)), 5);
        // a: test from 60, threshold from 45 to 55, fit 0..40; b: test from 120, threshold 90..115, fit 0..85.
        assertEquals(40 + 85, split.fit().size());
        assertEquals(10 + 25, split.threshold().size());
        assertEquals(40 + 80, split.test().size());
        assertEquals(45.0, split.threshold().vectors()[0][0]);
        assertEquals(60.0, split.test().vectors()[0][0]);
        assertEquals(39.0, split.fit().vectors()[39][0], "no fit row within 5 minutes of the threshold rows");
        assertEquals(10, split.calibration().size(), "each entity's own unlabelled history, kept whole");
    }

    @Test
    void acrossEntitiesEveryTestEntityIsTestedWhole() {
        EvaluationSplit split = EvaluationSplit.acrossEntities(SCHEMA, List.of(entity("a", 100)),
                List.of(entity("z", 50)), List.of(entity("z", 20)), 5);
        assertEquals(70, split.fit().size());
        assertEquals(25, split.threshold().size());
        assertEquals(50, split.test().size());
        assertEquals("z", split.test().instances()[0]);
        assertEquals("z", split.calibration().instances()[0], "the history of the tested entity, not a trained one");
    }
}

package io.downtime.models;

import io.downtime.features.FeatureSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExplanationTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.ofNames(List.of("a", "b", "c", "d", "e"), "test");

    @Test
    void theTopContributionsAreTheLargestInMagnitudeLargestFirstWithoutZeros() {
        Explanation explanation = new Explanation(ExplanationMethod.LINEAR, 0, new double[]{0.1, -0.9, 0, 0.5, -0.1});
        assertEquals(List.of(new Explanation.Contribution("b", -0.9), new Explanation.Contribution("d", 0.5)),
                explanation.top(SCHEMA, 2));
        assertEquals(List.of("b", "d", "a", "e"), explanation.top(SCHEMA, 10).stream()
                .map(Explanation.Contribution::feature).toList(), "zeros skipped, equal magnitudes in schema order");
        assertEquals(List.of(), explanation.top(SCHEMA, 0));
    }

    @Test
    void agreesWithSortingEveryContribution() {
        SplittableRandom random = new SplittableRandom(9);
        List<String> names = IntStream.range(0, 300).mapToObj(i -> "f" + i).toList();
        FeatureSchema schema = FeatureSchema.ofNames(names, "test");
        for (int round = 0; round < 200; round++) {
            double[] contributions = new double[names.size()];
            for (int i = 0; i < contributions.length; i++) {
                contributions[i] = random.nextDouble() < 0.7 ? 0 : Math.round(random.nextGaussian() * 20) / 10.0;
            }
            List<Explanation.Contribution> all = new ArrayList<>();
            for (int i = 0; i < contributions.length; i++) {
                if (contributions[i] != 0) {
                    all.add(new Explanation.Contribution(names.get(i), contributions[i]));
                }
            }
            all.sort(Comparator.comparingDouble((Explanation.Contribution c) -> Math.abs(c.contribution())).reversed());
            int limit = 1 + random.nextInt(8);
            assertEquals(all.subList(0, Math.min(limit, all.size())),
                    new Explanation(ExplanationMethod.LINEAR, 0, contributions).top(schema, limit));
        }
    }
}

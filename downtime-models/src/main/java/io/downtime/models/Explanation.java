package io.downtime.models;

import io.downtime.features.FeatureSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Additive contributions of features to one prediction, in the model's margin (log-odds) space:
 * {@code bias + sum(contributions) = margin}.
 *
 * @param method        how the contributions were computed, e.g. {@code tree-path}
 * @param bias          the model's expected margin before any feature is known
 * @param contributions one value per feature of the schema
 */
public record Explanation(String method, double bias, double[] contributions) {

    /** A feature and its contribution. */
    public record Contribution(String feature, double contribution) {
    }

    /** The {@code limit} contributions of largest magnitude, largest first, skipping zeros. */
    public List<Contribution> top(FeatureSchema schema, int limit) {
        List<Contribution> all = new ArrayList<>();
        for (int i = 0; i < contributions.length; i++) {
            if (contributions[i] != 0) {
                all.add(new Contribution(schema.names().get(i), contributions[i]));
            }
        }
        all.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.contribution())).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }
}

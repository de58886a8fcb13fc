package io.downtime.models;

import io.downtime.features.FeatureSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Additive contributions of features to one prediction, in the model's margin (log-odds) space:
 * {@code bias + sum(contributions) = margin}.
 *
 * @param method        how the contributions were computed
 * @param bias          the model's expected margin before any feature is known
 * @param contributions one value per feature of the schema
 */
public record Explanation(ExplanationMethod method, double bias, double[] contributions) {

    /** A feature and its contribution. */
    public record Contribution(String feature, double contribution) {
    }

    /** The {@code limit} contributions of largest magnitude, largest first, skipping zeros. */
    public List<Contribution> top(FeatureSchema schema, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // Insertion into a short ranking: a few comparisons per feature, no object per feature.
        int[] ranked = new int[limit];
        int size = 0;
        for (int i = 0; i < contributions.length; i++) {
            double magnitude = Math.abs(contributions[i]);
            if (magnitude == 0 || (size == ranked.length && magnitude <= Math.abs(contributions[ranked[size - 1]]))) {
                continue;
            }
            int at = size == ranked.length ? size - 1 : size++;
            while (at > 0 && Math.abs(contributions[ranked[at - 1]]) < magnitude) {
                ranked[at] = ranked[at - 1];
                at--;
            }
            ranked[at] = i;
        }
        List<Contribution> top = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            top.add(new Contribution(schema.names().get(ranked[r]), contributions[ranked[r]]));
        }
        return top;
    }
}

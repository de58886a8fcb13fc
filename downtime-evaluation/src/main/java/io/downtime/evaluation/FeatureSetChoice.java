package io.downtime.evaluation;

import io.downtime.features.FeatureSchema;
import io.downtime.features.profile.NormalProfile;
import io.downtime.models.Algorithm;
import io.downtime.models.CrossInstanceChoice;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelSettings;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Which features the models see, chosen on the training servers alone the way the product is used, on servers left out
 * of training ({@link CrossInstanceChoice}, with XGBoost, the default algorithm): the features as computed, the same
 * features relative to each server's own normal ({@link io.downtime.features.profile.VectorProfile}), or only the
 * {@link NormalProfile} scores and the missing-data features. What is relative to a server's own normal is what
 * carries over to servers no model has seen; which of these does best is measured, not assumed.
 */
final class FeatureSetChoice {

    /** The candidates, in the order tried. */
    enum FeatureSet {
        /** Every feature as computed: each signal's own statistics and the profile's scores. */
        ALL,
        /** Every feature relative to the server's own calibration history. */
        RELATIVE,
        /** The profile's scores and the missing-data features only. */
        PROFILE;

        boolean keeps(FeatureSchema.Feature feature) {
            return switch (this) {
                case ALL -> !feature.relative();
                case RELATIVE -> feature.relative();
                case PROFILE -> !feature.relative() && (feature.signal() == null
                        ? feature.statistic() != FeatureSchema.Statistic.OTHER
                        : NormalProfile.SCORES.contains(feature.signal()));
            };
        }

        static FeatureSet of(String name) {
            return switch (name) {
                case "all" -> ALL;
                case "relative" -> RELATIVE;
                case "profile" -> PROFILE;
                default -> throw new CommandLine.UsageException(
                        "--features must be chosen, all, relative or profile, was '" + name + "'");
            };
        }

        String description() {
            return switch (this) {
                case ALL -> "all, as computed";
                case RELATIVE -> "all, relative to each server's own calibration history";
                case PROFILE -> "the normal-profile scores and missing-data features only";
            };
        }
    }

    private FeatureSetChoice() {
    }

    /** The best feature set for {@code fit}, by PR-AUC on the training servers left out in turn. */
    static FeatureSet choose(LabelledRows fit, ModelSettings settings) {
        // XGBoost's own choice of its share of features per split is made later, on the chosen set, not nested here.
        ModelSettings everyColumn = new ModelSettings(settings.xgboost().withColumnShare(1), settings.forest(),
                settings.svm(), settings.logistic(), settings.horizonSamples());
        double best = CrossInstanceChoice.best(fit, new double[]{0, 1, 2}, (rows, candidate) -> {
            FeatureSet set = FeatureSet.values()[candidate.intValue()];
            int[] kept = columns(rows.schema(), set);
            DowntimeModel model = Algorithm.XGBOOST.trainer(everyColumn).apply(select(rows, set));
            return new OnColumns(model, rows.schema(), kept);
        }, "feature set (0 = all, 1 = relative to each server's normal, 2 = profile scores only)");
        return FeatureSet.values()[(int) best];
    }

    /** The rows with only the columns of {@code set}. */
    static LabelledRows select(LabelledRows rows, FeatureSet set) {
        int[] kept = columns(rows.schema(), set);
        FeatureSchema schema = schema(rows.schema(), set);
        double[][] vectors = new double[rows.size()][];
        for (int r = 0; r < vectors.length; r++) {
            vectors[r] = pick(rows.vectors()[r], kept);
        }
        return new LabelledRows(schema, vectors, rows.labels(), rows.incidents(), rows.observedDown(),
                rows.instances(), rows.timestamps(), rows.step());
    }

    static FeatureSchema schema(FeatureSchema all, FeatureSet set) {
        List<FeatureSchema.Feature> kept = all.features().stream().filter(set::keeps).toList();
        return new FeatureSchema(kept, all.definition() + " features=" + set.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static int[] columns(FeatureSchema schema, FeatureSet set) {
        return IntStream.range(0, schema.size()).filter(i -> set.keeps(schema.features().get(i))).toArray();
    }

    private static double[] pick(double[] vector, int[] kept) {
        double[] picked = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            picked[i] = vector[kept[i]];
        }
        return picked;
    }

    /** A model of a column subset, scoring full vectors: only for measuring a candidate on held-out rows. */
    private record OnColumns(DowntimeModel model, FeatureSchema schema, int[] kept) implements DowntimeModel {

        @Override
        public String algorithm() {
            return model.algorithm();
        }

        @Override
        public double probability(double[] vector) {
            return model.probability(pick(vector, kept));
        }

        @Override
        public byte[] save() {
            throw new UnsupportedOperationException("a candidate of the feature-set choice is never stored");
        }

        @Override
        public Explanation explain(double[] vector) {
            throw new UnsupportedOperationException("a candidate of the feature-set choice explains nothing");
        }
    }
}

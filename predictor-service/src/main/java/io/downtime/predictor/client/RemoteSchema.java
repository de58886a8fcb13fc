package io.downtime.predictor.client;

import io.downtime.features.FeatureSchema;

import java.util.List;

/** feature-service's feature schema: what each feature is, in vector order. */
public record RemoteSchema(String hash, List<RemoteFeature> features, String definition) {

    /** One feature as feature-service describes it. */
    public record RemoteFeature(String name, String signal, String statistic, int window) {

        FeatureSchema.Feature toFeature() {
            return new FeatureSchema.Feature(name, signal, FeatureSchema.Statistic.ofLabel(statistic), window, false);
        }
    }

    /** The schema, checked against the hash feature-service announced. */
    public FeatureSchema toSchema() {
        FeatureSchema schema = new FeatureSchema(features.stream().map(RemoteFeature::toFeature).toList(), definition);
        schema.requireSameAs(hash, "feature-service's schema");
        return schema;
    }
}

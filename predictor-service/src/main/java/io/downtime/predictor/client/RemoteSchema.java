package io.downtime.predictor.client;

import io.downtime.features.FeatureSchema;

import java.util.List;

/** feature-service's feature schema. */
public record RemoteSchema(String hash, List<String> names, String definition) {

    /** The schema, checked against the hash feature-service announced. */
    public FeatureSchema toSchema() {
        FeatureSchema schema = new FeatureSchema(names, definition);
        schema.requireSameAs(hash, "feature-service's schema");
        return schema;
    }
}

package io.downtime.feature.rest;

import io.downtime.feature.FeatureService;
import io.downtime.feature.FeatureVector;
import io.downtime.features.FeatureSchema;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Feature vectors and their schema. */
@Path("/features")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource {

    /** The schema: its hash (the version every vector and model carries), names in order, and definition. */
    public record SchemaView(String hash, List<String> names, String definition) {
        static SchemaView of(FeatureSchema schema) {
            return new SchemaView(schema.hash(), schema.names(), schema.definition());
        }
    }

    private final FeatureService features;

    public FeaturesResource(FeatureService features) {
        this.features = features;
    }

    @GET
    public List<FeatureVector> latestOfAll() {
        return features.latestOfAll();
    }

    @GET
    @Path("schema")
    public SchemaView schema() {
        return SchemaView.of(features.schema());
    }

    @GET
    @Path("{instance}")
    public FeatureVector latest(@PathParam("instance") String instance) {
        return features.latest(instance);
    }
}

package io.downtime.featureservice.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.downtime.featureservice.FeatureService;
import io.downtime.featureservice.FeatureVector;
import io.downtime.features.Base64Columns;
import io.downtime.features.FeatureSchema;
import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.problem.InvalidInputException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Feature vectors and their schema. */
@Path("/features")
@Produces(MediaType.APPLICATION_JSON)
public class FeaturesResource {

    /**
     * The schema: its hash (the version every vector and model carries), names in order, their types (all
     * {@code double}; null in JSON where missing), what each feature is, and the definition's parameters.
     */
    public record SchemaView(String hash, List<String> names, List<String> types, List<FeatureView> features,
                             String definition) {
        static SchemaView of(FeatureSchema schema) {
            return new SchemaView(schema.hash(), schema.names(), Collections.nCopies(schema.size(), "double"),
                    schema.features().stream().map(FeatureView::of).toList(), schema.definition());
        }
    }

    /**
     * One feature.
     *
     * @param signal    the signal it is computed from; null for a feature of the whole instance
     * @param statistic {@code last}, {@code mean}, {@code std}, {@code min}, {@code max}, {@code slope},
     *                  {@code ewma}, {@code delta}, {@code zscore}, {@code day_diff}, {@code missing_share},
     *                  {@code gap_samples} or {@code samples_since_observed_down}
     * @param window    its window in samples; 0 when it has none
     */
    public record FeatureView(String name, String signal, String statistic, int window) {
        static FeatureView of(FeatureSchema.Feature feature) {
            return new FeatureView(feature.name(), feature.signal(), feature.statistic().label(), feature.window());
        }
    }

    /**
     * The newest vector of every instance in a compact form: the names once, each vector as Base64 of little-endian
     * float64 in schema order (NaN where missing). A tenth of the size of the named form, for fleet scoring.
     *
     * @param schema  hash of the feature schema
     * @param names   feature names, in vector order
     * @param vectors one per instance with samples, in name order
     */
    public record CompactVectors(String schema, List<String> names, List<CompactVector> vectors) {
    }

    /**
     * @param timestamp time of the newest sample the vector uses
     * @param stale     that sample is older than two sample steps
     * @param values    Base64 float64 values in schema order
     */
    public record CompactVector(String instance, Instant timestamp, boolean stale, String values) {
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
    @Path("compact")
    public CompactVectors compact() {
        List<CompactVector> vectors = features.latestRaw().stream()
                .map(v -> new CompactVector(v.instance(), v.timestamp(), features.stale(v.timestamp()),
                        Base64Columns.encodeDoubles(v.vector())))
                .toList();
        return new CompactVectors(features.schema().hash(), features.schema().names(), vectors);
    }

    @GET
    @Path("schema")
    public SchemaView schema() {
        return SchemaView.of(features.schema());
    }

    /** The newest vectors of many instances at once: a JSON array of up to 1000 instance names. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, description = "1 to 1000 instance names",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class),
                    examples = @ExampleObject(name = "two", value = "[\"web-1\", \"db-2\"]")))
    public List<FeatureVector> batch(JsonNode instances) {
        if (instances == null || !instances.isArray()) {
            throw new InvalidInputException(null, "expected a JSON array of instance names like [\"web-1\", \"db-2\"]");
        }
        List<String> names = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            if (!instances.get(i).isTextual()) {
                throw new InvalidInputException("[" + i + "]", "instance names must be strings");
            }
            names.add(instances.get(i).asText());
        }
        return features.latestOf(names);
    }

    @GET
    @Path("{instance}")
    public FeatureVector latest(@PathParam("instance") String instance) {
        return features.latest(instance);
    }
}

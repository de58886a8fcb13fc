package io.downtime.predictor;

import io.downtime.features.FeatureSchema;
import io.downtime.models.DowntimeModel;
import io.downtime.models.Explanation;
import io.downtime.models.ExplanationMethod;
import io.downtime.models.alarm.Risk;
import io.downtime.models.Explanation.Contribution;
import io.downtime.predictor.client.FeatureClient;
import io.downtime.predictor.client.RemoteFeatureVector;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.predictor.scoring.LatestVectors;
import io.downtime.predictor.scoring.OwnThresholds;
import io.downtime.models.registry.ModelMetadata;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.downtime.problem.DomainException;
import io.downtime.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scores instances with the served model, from given features or from feature-service's latest vector. */
@ApplicationScoped
public class PredictionService {

    private final ServedModel served;
    private final FeatureClient features;
    private final LatestVectors latest;
    private final OwnThresholds thresholds;
    private final int explanationSize;
    /** The served schema's name → position map, built once per schema rather than once per request. */
    private volatile SchemaIndex schemaIndex = new SchemaIndex(null, Map.of());

    private record SchemaIndex(FeatureSchema schema, Map<String, Integer> positions) {
    }

    public PredictionService(ServedModel served, @RestClient FeatureClient features, LatestVectors latest,
                             OwnThresholds thresholds, PredictorConfig config) {
        this.served = served;
        this.thresholds = thresholds;
        this.latest = latest;
        this.features = features;
        this.explanationSize = config.explanationSize();
    }

    /** The served model, or 503 while there is none yet; one request uses one model from parsing to answer. */
    public RegisteredModel model() {
        return served.require();
    }

    /**
     * Scores {@code instance} on its latest features: the vector of the last fleet scoring when there is one (no call
     * per request; its {@code featuresAt} says how old its data is), else feature-service's.
     */
    public Prediction predictLatest(RegisteredModel model, String instance, boolean explain) {
        Optional<LatestVectors.Vector> cached = latest.of(instance);
        if (cached.isPresent()) {
            return predict(model, cached.get(), explain);
        }
        RemoteFeatureVector vector;
        try {
            vector = features.latest(instance);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new DomainException.UnknownInstance(instance);
            }
            throw new DomainException.DependencyUnavailable("feature-service answered " + e.getResponse().getStatus(),
                    false, e);
        } catch (ProcessingException e) {
            throw new DomainException.DependencyUnavailable("feature-service is unreachable: " + e.getMessage(), true,
                    e);
        }
        return predict(model, vector, explain);
    }

    /** Scores a vector fetched from feature-service, after checking it has the model's schema. */
    public Prediction predict(RegisteredModel model, RemoteFeatureVector vector, boolean explain) {
        requireSchema(model, vector.schema());
        double[] values = toVector(model.model().schema(), vector.features(), "features");
        return score(model, vector.instance(), values, vector.timestamp(), vector.stale(), explain);
    }

    /** Scores a vector of the fleet's last read, after checking it has the model's schema. */
    public Prediction predict(RegisteredModel model, LatestVectors.Vector vector, boolean explain) {
        requireSchema(model, vector.schema());
        return score(model, vector.instance(), vector.values(), vector.timestamp(), vector.stale(), explain);
    }

    private static void requireSchema(RegisteredModel model, String schema) {
        if (!model.metadata().featureSchema().equals(schema)) {
            throw new DomainException.Conflict("feature-service computes feature schema " + schema
                    + " but the served model needs " + model.metadata().featureSchema() + "; retrain the model");
        }
    }

    /** Scores caller-given features, laid out in {@code model}'s schema order with NaN for missing ones. */
    public Prediction predictGiven(RegisteredModel model, String instance, double[] vector, boolean explain) {
        return score(model, instance, vector, null, false, explain);
    }

    private Prediction score(RegisteredModel model, String instance, double[] vector, Instant featuresAt,
                             boolean stale, boolean explain) {
        DowntimeModel classifier = model.model();
        ModelMetadata metadata = model.metadata();
        double probability = classifier.probability(vector);
        List<Contribution> reasons = List.of();
        ExplanationMethod method = ExplanationMethod.NONE;
        if (explain) {
            Explanation explanation = classifier.explain(vector);
            reasons = explanation.top(classifier.schema(), explanationSize);
            method = explanation.method();
        }
        OwnThresholds.Threshold threshold = thresholds.of(metadata, instance);
        return new Prediction(instance, probability, metadata.horizon(), Risk.of(probability, threshold.value()),
                threshold.value(), threshold.source(),
                new Prediction.ModelRef(metadata.algorithm(), metadata.version()), reasons, method, featuresAt, stale);
    }

    private Map<String, Integer> index(FeatureSchema schema) {
        SchemaIndex cached = schemaIndex;
        if (cached.schema() != schema) {
            cached = new SchemaIndex(schema, schema.indexByName());
            schemaIndex = cached;
        }
        return cached.positions();
    }

    /** Lays a name → value map out as the schema's vector; an unknown name is a 400 naming it. */
    private double[] toVector(FeatureSchema schema, Map<String, Double> named, String field) {
        double[] vector = new double[schema.size()];
        Arrays.fill(vector, Double.NaN);
        Map<String, Integer> index = index(schema);
        for (Map.Entry<String, Double> entry : named.entrySet()) {
            Integer at = index.get(entry.getKey());
            if (at == null) {
                throw new InvalidInputException(field + "." + entry.getKey(), "unknown feature '" + entry.getKey()
                        + "'; the model's features are listed at GET /models/champion");
            }
            if (entry.getValue() != null) {
                vector[at] = entry.getValue();
            }
        }
        return vector;
    }
}

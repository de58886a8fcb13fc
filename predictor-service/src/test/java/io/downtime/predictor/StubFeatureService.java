package io.downtime.predictor;

import io.downtime.features.FeatureSchema;
import io.downtime.features.TrainingSetCsv;
import io.downtime.stub.ApiContract;
import io.downtime.stub.HttpStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * feature-service at the HTTP boundary. Its training set has four servers whose rows are positive when
 * {@code load_slope} (plus a little noise) is high; {@code load_last} and {@code noise} carry nothing. Latest vectors: {@code srv-1} has a
 * steep load slope, {@code srv-4} a falling one.
 */
public class StubFeatureService implements QuarkusTestResourceLifecycleManager {

    static final FeatureSchema SCHEMA = new FeatureSchema(java.util.List.of(
            FeatureSchema.Feature.of("load", FeatureSchema.Statistic.LAST, 0),
            FeatureSchema.Feature.of("load", FeatureSchema.Statistic.SLOPE, 0),
            FeatureSchema.Feature.named("noise")), "stub-v1");
    static final String[] INSTANCES = {"srv-1", "srv-2", "srv-3", "srv-4"};
    /** For this horizon the training set is malformed: a training that fails (FailedTrainingTest). */
    static final String BROKEN_HORIZON = "7m";
    private static final double[] LATEST_SLOPE = {3.0, 0.5, 0.0, -2.0};

    /** The running stub, for tests that take feature-service down. */
    static volatile HttpStub running;

    private HttpStub stub;
    private Path registry;

    @Override
    public Map<String, String> start() {
        String schema = schemaJson();
        stub = new HttpStub().honouring(ApiContract.of("feature-service"))
                .on("/features/schema", uri -> HttpStub.Reply.json(schema))
                .on("/training-set", uri -> new HttpStub.Reply(200, "text/csv",
                        BROKEN_HORIZON.equals(HttpStub.query(uri, "horizon")) ? "instance,timestamp\nsrv-1,oops\n"
                                : trainingSet(), Map.of("X-Sample-Step", "1m")))
                .on("/features/compact", uri -> HttpStub.Reply.json(compactVectors()));
        for (int i = 0; i < INSTANCES.length; i++) {
            String vector = vector(i);
            stub.on("/features/" + INSTANCES[i], uri -> HttpStub.Reply.json(vector));
        }
        running = stub;
        try {
            registry = Files.createTempDirectory("registry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.rest-client.features.url", stub.url(), "predictor.registry-dir", registry.toString());
    }

    /** The schema as feature-service describes it: names, and what each feature is. */
    private static String schemaJson() {
        StringBuilder json = new StringBuilder("{\"hash\":\"" + SCHEMA.hash() + "\",\"names\":[");
        for (int i = 0; i < SCHEMA.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(SCHEMA.names().get(i)).append('"');
        }
        json.append("],\"types\":[");
        for (int i = 0; i < SCHEMA.size(); i++) {
            json.append(i == 0 ? "" : ",").append("\"double\"");
        }
        json.append("],\"features\":[");
        for (int i = 0; i < SCHEMA.size(); i++) {
            FeatureSchema.Feature f = SCHEMA.features().get(i);
            json.append(i == 0 ? "" : ",").append("{\"name\":\"").append(f.name()).append("\",\"signal\":")
                    .append(f.signal() == null ? "null" : "\"" + f.signal() + "\"").append(",\"statistic\":\"")
                    .append(f.statistic().label()).append("\",\"window\":").append(f.window()).append('}');
        }
        return json.append("],\"definition\":\"stub-v1\"}").toString();
    }

    /** The rows; the positive ones are in an incident (the same for the fleet and the simulator's fleet). */
    private static String trainingSet() {
        SplittableRandom random = new SplittableRandom(3);
        StringWriter csv = new StringWriter();
        try {
            TrainingSetCsv.writeHeader(csv, SCHEMA);
            for (String instance : INSTANCES) {
                for (int t = 0; t < 1500; t++) {
                    double slope = random.nextGaussian();
                    double noise = random.nextGaussian();
                    byte label = (byte) (slope + 0.05 * random.nextGaussian() > 1.5 ? 1 : 0);
                    TrainingSetCsv.writeRow(csv, instance, 1_767_225_600_000L + t * 60_000L, label, label == 1, false,
                            new double[]{0.5 + 0.1 * random.nextGaussian(), slope, noise});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static String vector(int i) {
        return "{\"instance\":\"" + INSTANCES[i] + "\",\"timestamp\":\"2026-01-02T00:00:00Z\",\"schema\":\""
                + SCHEMA.hash() + "\",\"stale\":" + (i == 3) + ",\"features\":{\"load_last\":0.5,\"load_slope\":" + LATEST_SLOPE[i]
                + ",\"noise\":null}}";
    }

    /** The vectors /features/{instance} serves, in the compact form: names once, Base64 float64 in schema order. */
    private static String compactVectors() {
        StringBuilder all = new StringBuilder("{\"schema\":\"" + SCHEMA.hash()
                + "\",\"names\":[\"load_last\",\"load_slope\",\"noise\"],\"vectors\":[");
        for (int i = 0; i < INSTANCES.length; i++) {
            String values = io.downtime.features.Base64Columns.encodeDoubles(
                    new double[]{0.5, LATEST_SLOPE[i], Double.NaN});
            all.append(i == 0 ? "" : ",").append("{\"instance\":\"").append(INSTANCES[i])
                    .append("\",\"timestamp\":\"2026-01-02T00:00:00Z\",\"stale\":").append(i == 3)
                    .append(",\"values\":\"").append(values).append("\"}");
        }
        return all.append("]}").toString();
    }

    /** The running stub, as started by {@link #start()}. */
    HttpStub stub() {
        return stub;
    }

    @Override
    public void stop() {
        stub.close();
    }
}

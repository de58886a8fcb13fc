package io.downtime.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.features.FeatureSchema;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.TrainingSetCsv;
import io.downtime.features.datasets.Datasets;
import io.downtime.features.datasets.Entity;
import io.downtime.models.Algorithm;
import io.downtime.models.ChronologicalHoldout;
import io.downtime.models.DowntimeModel;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelQuality;
import io.downtime.models.ModelSettings;
import io.downtime.models.QualityMeasurement;
import io.downtime.models.registry.ModelRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code bin/train}: trains every algorithm on a dataset or on a running feature-service's training set, prints the
 * comparison, and writes all models into a registry directory; the best learned model by validation PR-AUC becomes
 * the champion, so predictor-service serves it when started on that directory.
 */
public final class TrainCommand {

    static final String USAGE = """
            usage: bin/train (--features URL | --dataset smd|asd|nab --data DIR) [--horizon MIN] [--registry DIR]
                             [--algorithms a,b,...] [--alert-budget N]
              --features     a running feature-service, e.g. http://localhost:8082: train on its training set
              --dataset      train on a dataset directory of this layout instead (with --data)
              --horizon      prediction horizon in minutes (default 60; 30 for smd)
              --registry     model registry directory to write into (default data/registry, where bin/up's
                             predictor-service reads)
              --algorithms   comma-separated subset of: %s (default: all)
              --alert-budget false alarms allowed per instance per day when choosing thresholds (default 1)
            """;

    private TrainCommand() {
    }

    public static void main(String[] args) {
        CommandLine.exitOnFailure("bin/train", USAGE.formatted(CommandLine.algorithmIds()), args, TrainCommand::run);
    }

    static void run(String[] args) throws IOException, InterruptedException {
        CommandLine line = new CommandLine(args, Set.of("features", "dataset", "data", "horizon", "registry",
                "algorithms", "alert-budget"));
        boolean fromService = line.optional("features").isPresent();
        if (fromService == line.optional("dataset").isPresent()) {
            throw new CommandLine.UsageException("give either --features or --dataset with --data");
        }
        String dataset = line.optional("dataset").orElse("");
        Duration horizon = Duration.ofMinutes(line.minutes("horizon", "smd".equals(dataset) ? 30 : 60));
        List<Algorithm> algorithms = line.algorithms();
        double budget = line.number("alert-budget", 1);
        Path registryDir = Path.of(line.optional("registry").orElse("data/registry"));
        Progress progress = Progress.onStderr();

        progress.update(0, 1, "fetching the training set");
        LabelledRows rows = fromService ? fromFeatureService(line.required("features"), horizon)
                : fromDataset(dataset, Path.of(line.required("data")), horizon);
        int horizonSamples = rows.samplesIn(horizon);
        ModelSettings settings = ModelSettings.defaults(horizonSamples);
        ChronologicalHoldout holdout = new ChronologicalHoldout(0.25, horizon, budget);

        List<ChronologicalHoldout.Outcome<DowntimeModel>> outcomes = new ArrayList<>();
        for (int i = 0; i < algorithms.size(); i++) {
            Algorithm algorithm = algorithms.get(i);
            progress.update(i, algorithms.size(), "training " + algorithm.id() + " on " + rows.size() + " rows");
            outcomes.add(holdout.run(rows, algorithm.trainer(settings)));
        }
        progress.finish("trained " + algorithms.size() + " models");

        ModelRegistry registry = new ModelRegistry(registryDir);
        String horizonLabel = PrometheusDuration.format(horizon);
        ChronologicalHoldout.Outcome<DowntimeModel> best = outcomes.stream()
                .filter(o -> Algorithm.of(o.model().algorithm()).learned())
                .max((a, b) -> Double.compare(a.quality().prAuc(), b.quality().prAuc()))
                .orElse(outcomes.get(0));
        System.out.printf(Locale.ROOT, "%-22s %8s %8s %9s %8s %8s %12s %9s %9s %8s%n", "model", "PR-AUC", "ROC-AUC",
                "threshold", "F1", "events", "early", "lead min", "FA/day", "train s");
        for (ChronologicalHoldout.Outcome<DowntimeModel> outcome : outcomes) {
            ModelQuality q = outcome.quality();
            ModelRegistry.RegisteredModel stored = registry.store(outcome.model(), horizonLabel, q);
            if (outcome == best) {
                registry.promote(stored.metadata().version());
            }
            System.out.printf(Locale.ROOT, "%-22s %8.3f %8.3f %9.4f %8.3f %8s %12s %9s %9.2f %8.1f  version %s%s%n",
                    outcome.model().algorithm(), q.prAuc(), q.rocAuc(), q.threshold(), q.f1(),
                    text(q.events().eventRecall()), text(q.events().earlyRecall()),
                    text(q.events().medianLeadMinutes()), q.falseAlarmsPerDay(), q.trainSeconds(),
                    stored.metadata().version(), outcome == best ? " (champion)" : "");
        }
        System.out.println("models written to " + registryDir + " for horizon " + horizonLabel);
    }

    private static String text(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static LabelledRows fromDataset(String dataset, Path dir, Duration horizon) {
        Duration step;
        try {
            step = Datasets.step(dataset);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
        List<Entity> entities = Datasets.read(dataset, dir);
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("no entity found in " + dir);
        }
        DatasetRows rows = new DatasetRows(entities.get(0).test().signals(), step, horizon, false);
        return LabelledRows.concat(rows.schema(),
                entities.parallelStream().map(rows::rows).map(DatasetRows.EntityRows::labelled).toList());
    }

    private static LabelledRows fromFeatureService(String url, Duration horizon) throws IOException,
            InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = url.replaceAll("/+$", "");
        JsonNode schemaJson = new ObjectMapper().readTree(get(http, base + "/features/schema").body());
        List<FeatureSchema.Feature> features = new ArrayList<>();
        schemaJson.path("features").forEach(f -> features.add(new FeatureSchema.Feature(f.path("name").asText(),
                f.path("signal").isNull() ? null : f.path("signal").asText(),
                FeatureSchema.Statistic.ofLabel(f.path("statistic").asText()), f.path("window").asInt(), false)));
        FeatureSchema schema = new FeatureSchema(features, schemaJson.path("definition").asText());
        schema.requireSameAs(schemaJson.path("hash").asText(), "feature-service's schema");
        HttpResponse<InputStream> response = get(http, base + "/training-set?horizon="
                + PrometheusDuration.format(horizon));
        String step = response.headers().firstValue(TrainingSetCsv.STEP_HEADER).orElseThrow(() -> new IOException(
                "feature-service at " + url + " sent its training set without its sample step (header "
                        + TrainingSetCsv.STEP_HEADER + "): it is older than this command; upgrade it"));
        try (InputStream csv = response.body()) {
            return LabelledRows.of(schema, TrainingSetCsv.read(
                    new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))),
                    PrometheusDuration.parse(step));
        }
    }

    private static HttpResponse<InputStream> get(HttpClient http, String url) throws IOException,
            InterruptedException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("cannot reach feature-service at " + url + ": " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException(url + " answered " + response.statusCode() + ": " + body);
        }
        return response;
    }
}

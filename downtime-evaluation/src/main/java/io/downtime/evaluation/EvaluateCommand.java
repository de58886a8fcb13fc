package io.downtime.evaluation;

import io.downtime.features.FeatureSchema;
import io.downtime.features.datasets.Datasets;
import io.downtime.features.datasets.Entity;
import io.downtime.models.Algorithm;
import io.downtime.models.LabelledRows;
import io.downtime.models.ModelSettings;
import io.downtime.models.QualityMeasurement;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/evaluate}: replays a labelled dataset through the services' feature code, trains every model and
 * baseline, and reports how each does on rows it never saw.
 */
public final class EvaluateCommand {

    static final String USAGE = """
            usage: bin/evaluate --dataset smd|asd|nab --train-data DIR [--test-data DIR | --test-entities a,b,...]
                                [--horizon MIN] --report FILE [--algorithms a,b,...] [--alert-budget N]
                                [--thresholds trailing|per-instance|pooled] [--features chosen|all|relative|profile]
              --dataset      layout and sample step of the data: smd (1 min), asd (5 min), nab (5 min)
              --train-data   dataset directory to train on
              --test-data    dataset directory whose entities are tested on (servers the models never saw); without
                             it, each entity's labelled part is split in time: first 60 %% train, last 40 %% test
              --test-entities  entities of --train-data to test on instead of training (servers left out)
              --horizon      prediction horizon in minutes (default 30 for smd, 60 otherwise)
              --report       JSON report to write; a Markdown summary and PR curves (SVG) are written next to it
              --algorithms   comma-separated subset of: %s (default: all)
              --alert-budget false alarms allowed per entity per day when choosing thresholds (default 1)
              --thresholds   trailing (default): each tested server's alarm threshold is read anew each day from
                             its own scores of the past week (its unlabelled history, then the earlier test rows);
                             per-instance: read once from its unlabelled history before the test rows; pooled: one
                             threshold from the training servers' last quarter
              --features     chosen (default): all, relative or profile, whichever XGBoost does best with on training
                             servers left out in turn; all: every feature as computed; relative: every feature relative
                             to the server's own unlabelled history; profile: only each server's scores against its
                             own normal profile and the missing-data features
            """;

    private EvaluateCommand() {
    }

    public static void main(String[] args) {
        CommandLine.exitOnFailure("bin/evaluate", usage(), args, EvaluateCommand::run);
    }

    static String usage() {
        return USAGE.formatted(CommandLine.algorithmIds());
    }

    static EvaluationReport run(String[] args) throws IOException {
        CommandLine line = new CommandLine(args, Set.of("dataset", "train-data", "test-data", "horizon", "report",
                "algorithms", "alert-budget", "test-entities", "thresholds", "features"));
        String dataset = line.required("dataset");
        Duration step;
        try {
            step = Datasets.step(dataset);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
        Path report = Path.of(line.required("report"));
        Path trainData = Path.of(line.required("train-data"));
        Duration horizon = Duration.ofMinutes(line.minutes("horizon", "smd".equals(dataset) ? 30 : 60));
        List<Algorithm> algorithms = line.algorithms();
        double budget = line.number("alert-budget", 1);
        ModelComparison.Thresholds thresholds = ModelComparison.Thresholds.of(line.optional("thresholds")
                .orElse("trailing"));
        String features = line.optional("features").orElse("chosen");
        if (!"chosen".equals(features)) {
            FeatureSetChoice.FeatureSet.of(features);
        }
        if (line.optional("test-data").isPresent() && line.optional("test-entities").isPresent()) {
            throw new CommandLine.UsageException("give --test-data or --test-entities, not both");
        }

        Progress progress = Progress.onStderr();
        progress.update(0, 1, "reading " + trainData);
        List<Entity> trainEntities = Datasets.read(dataset, trainData);
        List<Entity> testEntities = line.optional("test-data").map(dir -> Datasets.read(dataset, Path.of(dir)))
                .orElse(List.of());
        if (line.optional("test-entities").isPresent()) {
            Set<String> names = Set.of(line.optional("test-entities").get().split(","));
            Set<String> known = new java.util.TreeSet<>(trainEntities.stream().map(Entity::name).toList());
            List<String> unknown = names.stream().filter(n -> !known.contains(n)).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new CommandLine.UsageException("--test-entities names " + unknown + ", which " + trainData
                        + " does not have; it has " + known);
            }
            testEntities = trainEntities.stream().filter(e -> names.contains(e.name())).toList();
            trainEntities = trainEntities.stream().filter(e -> !names.contains(e.name())).toList();
        }
        if (trainEntities.isEmpty()) {
            throw new IllegalArgumentException("no entity found in " + trainData);
        }
        List<String> signals = signals(trainEntities, testEntities);
        DatasetRows rows = new DatasetRows(signals, step, horizon);
        FeatureSchema schema = rows.schema();
        List<DatasetRows.EntityRows> train = features(rows, trainEntities, progress, "train");
        EvaluationSplit split;
        List<String> tested;
        String description;
        if (testEntities.isEmpty()) {
            split = EvaluationSplit.withinEntities(schema, labelled(train), calibration(train), rows.horizonSteps());
            tested = trainEntities.stream().map(Entity::name).toList();
            description = "Each entity's labelled part split in time: the first 60 % trains (its last quarter "
                    + "chooses the threshold), the last 40 % tests.";
        } else {
            List<DatasetRows.EntityRows> test = features(rows, testEntities, progress, "test");
            split = EvaluationSplit.acrossEntities(schema, labelled(train), labelled(test), calibration(test),
                    rows.horizonSteps());
            tested = testEntities.stream().map(Entity::name).toList();
            description = "Trained on every entity of the training data (the last quarter of each chooses the "
                    + "threshold), tested on " + testEntities.size() + " other entities the models never saw.";
        }
        if (split.fit().positives() == 0 || split.threshold().size() == 0 || split.test().size() == 0) {
            throw new IllegalArgumentException("the data is too short or has no incident in its training part: "
                    + split.fit().positives() + " positive training rows, " + split.test().size() + " test rows");
        }
        ModelSettings settings = ModelSettings.defaults(rows.horizonSteps());
        FeatureSetChoice.FeatureSet featureSet;
        if ("chosen".equals(features)) {
            progress.update(0, 1, "choosing the feature set on training servers left out in turn");
            featureSet = FeatureSetChoice.choose(split.fit(), settings);
        } else {
            featureSet = FeatureSetChoice.FeatureSet.of(features);
        }
        split = split.select(featureSet);
        description += " Features: " + featureSet.description() + " ("
                + ("chosen".equals(features) ? "chosen with XGBoost on training servers left out in turn" : "as given")
                + ", " + split.fit().schema().size() + " features).";
        List<ModelResult> results = new ModelComparison(settings,
                new QualityMeasurement(horizon, budget), thresholds).run(split, algorithms, progress);
        description += switch (thresholds) {
            case TRAILING -> " Alarm thresholds per server, read anew each day from that server's own scores of the "
                    + "past week (at most " + budget + " false alarms per day there); scores are reported relative "
                    + "to them.";
            case PER_INSTANCE -> " Alarm thresholds per server, each read from that server's own unlabelled history "
                    + "before its test rows (at most " + budget + " false alarms per day there); scores are reported "
                    + "relative to them.";
            case POOLED -> " One alarm threshold for all servers, chosen on the training servers' threshold rows.";
        };
        EvaluationReport evaluation = new EvaluationReport(dataset, horizon.toMinutes(), tested,
                !"nab".equals(dataset), description + " " + split.fit().size() + " rows fit, "
                + split.threshold().size() + " choose the threshold, " + split.test().size() + " test ("
                + schema.size() + " features).", results);
        try {
            evaluation.write(report);
        } catch (IOException e) {
            throw new IOException("cannot write the report: " + e.getMessage(), e);
        }
        progress.finish("report written to " + report);
        System.out.print(evaluation.markdown(""));
        return evaluation;
    }

    /** Signals every entity has (NAB series carry one each; SMD and ASD entities share theirs). */
    private static List<String> signals(List<Entity> train, List<Entity> test) {
        List<String> common = new ArrayList<>(train.get(0).test().signals());
        for (Entity entity : train) {
            common.retainAll(entity.test().signals());
        }
        for (Entity entity : test) {
            common.retainAll(entity.test().signals());
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException("the entities share no signal");
        }
        return common;
    }

    private static List<LabelledRows> labelled(List<DatasetRows.EntityRows> rows) {
        return rows.stream().map(DatasetRows.EntityRows::labelled).toList();
    }

    private static List<LabelledRows> calibration(List<DatasetRows.EntityRows> rows) {
        return rows.stream().map(DatasetRows.EntityRows::calibration).toList();
    }

    private static List<DatasetRows.EntityRows> features(DatasetRows rows, List<Entity> entities, Progress progress,
                                                         String part) {
        AtomicInteger done = new AtomicInteger();
        progress.update(0, entities.size(), "features of " + entities.size() + " " + part + " entities");
        return entities.parallelStream().map(entity -> {
            DatasetRows.EntityRows result = rows.rows(entity);
            progress.update(done.incrementAndGet(), entities.size(), "features of " + entity.name());
            return result;
        }).toList();
    }
}

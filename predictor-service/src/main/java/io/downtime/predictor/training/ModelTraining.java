package io.downtime.predictor.training;

import io.downtime.features.FeatureSchema;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.TrainingSetCsv;
import io.downtime.models.ChronologicalHoldout;
import io.downtime.models.LabelledRows;
import io.downtime.models.xgboost.XGBoostModel;
import io.downtime.models.xgboost.XGBoostSettings;
import io.downtime.models.xgboost.XGBoostTrainer;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.client.FeatureClient;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.predictor.registry.ModelRegistry;
import io.downtime.predictor.registry.ModelRegistry.RegisteredModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** One training run: fetch the labelled history, train, validate on its later part, register, serve. */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class);

    private final FeatureClient features;
    private final ModelRegistry registry;
    private final ServedModel served;
    private final PredictorConfig config;

    public ModelTraining(@RestClient FeatureClient features, ModelRegistry registry, ServedModel served,
                         PredictorConfig config) {
        this.features = features;
        this.registry = registry;
        this.served = served;
        this.config = config;
    }

    public synchronized RegisteredModel train() throws IOException {
        String horizon = config.horizon();
        FeatureSchema schema = features.schema().toSchema();
        LOG.infof("training an XGBoost model for horizon %s on feature schema %s", horizon, schema.hash());
        LabelledRows rows;
        try (InputStream csv = features.trainingSet(horizon)) {
            rows = LabelledRows.of(schema, TrainingSetCsv.read(
                    new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))));
        }
        LOG.infof("training set: %d rows, %d positive", rows.size(), rows.positives());
        PredictorConfig.Training training = config.training();
        XGBoostTrainer trainer = new XGBoostTrainer(new XGBoostSettings(training.rounds(), training.maxDepth(),
                training.eta(), 0.8, Math.max(1, Runtime.getRuntime().availableProcessors()), 42));
        ChronologicalHoldout.Outcome<XGBoostModel> outcome =
                new ChronologicalHoldout(training.validationShare(), PrometheusDuration.parse(horizon)).run(rows, trainer::train);
        LOG.infof("trained in %.1f s; validation PR-AUC %.3f, F1 %.3f at threshold %.3f",
                outcome.quality().trainSeconds(), outcome.quality().prAuc(), outcome.quality().f1(),
                outcome.quality().threshold());
        RegisteredModel registered = registry.register(outcome.model(), horizon, outcome.quality().threshold(),
                outcome.quality());
        served.serve(registered);
        return registered;
    }
}

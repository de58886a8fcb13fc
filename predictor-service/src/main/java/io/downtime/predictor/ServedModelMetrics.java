package io.downtime.predictor;

import io.downtime.models.ModelQuality;
import io.downtime.models.registry.ModelMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes the served model on {@code /q/metrics}: which one it is, when it was trained, its threshold and its
 * validation figures, so dashboards and alerts (model stale, quality dropped) need no other source.
 */
@ApplicationScoped
public class ServedModelMetrics {

    private final MultiGauge info;
    private final MultiGauge created;
    private final MultiGauge threshold;
    private final MultiGauge quality;

    public ServedModelMetrics(MeterRegistry meters) {
        info = MultiGauge.builder("downtime_predictor_model_info")
                .description("The served model: always 1, its identity in the labels").register(meters);
        created = MultiGauge.builder("downtime_predictor_model_created_timestamp_seconds")
                .description("When the served model was trained, in Unix seconds").register(meters);
        threshold = MultiGauge.builder("downtime_predictor_threshold")
                .description("Alarm threshold of the served model on downtime_probability").register(meters);
        quality = MultiGauge.builder("downtime_predictor_model_quality")
                .description("Validation figures of the served model on held-out later data").register(meters);
    }

    public void describe(ModelMetadata model) {
        Tags tags = Tags.of("horizon", model.horizon(), "model", model.algorithm());
        info.register(List.of(MultiGauge.Row.of(tags.and("version", model.version(), "schema", model.featureSchema(),
                "trained_on", model.trainedOnOrFleet().id()), 1)), true);
        created.register(List.of(MultiGauge.Row.of(tags, Instant.parse(model.createdAt()).getEpochSecond())), true);
        threshold.register(List.of(MultiGauge.Row.of(tags, model.quality().threshold())), true);
        ModelQuality q = model.quality();
        Map<String, Double> figures = new HashMap<>(Map.of("pr_auc", q.prAuc(), "roc_auc", q.rocAuc(),
                "precision", q.precision(), "recall", q.recall(), "f1", q.f1(),
                "false_alarms_per_day", q.falseAlarmsPerDay(), "alarm_time_share", q.alarmTimeShare()));
        if (q.events().eventRecall() != null) {
            figures.put("event_recall", q.events().eventRecall());
            figures.put("early_recall", q.events().earlyRecall());
        }
        quality.register(figures.entrySet().stream()
                .map(e -> MultiGauge.Row.of(tags.and("metric", e.getKey()), e.getValue()))
                .toList(), true);
    }
}

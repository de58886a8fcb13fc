package io.downtime.predictor.scoring;

import io.downtime.predictor.alarms.AlarmService;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.PredictionService;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.client.FeatureClient;
import io.downtime.predictor.client.RemoteCompactVectors;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Scores every instance on a schedule and exports {@code downtime_probability{instance,horizon,model}}, the
 * instance's alarm threshold beside it ({@code downtime_alarm_threshold}, {@link OwnThresholds}), each score's
 * strongest reasons as {@code downtime_contribution{instance,horizon,feature}}, the age of the data behind each score,
 * and how long and how recently the fleet was scored; instances that disappear lose their gauges (no stale series).
 */
@ApplicationScoped
public class FleetScoring {

    private static final Logger LOG = Logger.getLogger(FleetScoring.class);

    /** Reasons exported per instance: enough for a dashboard, few enough to keep the series count small. */
    static final int EXPORTED_REASONS = 3;

    /**
     * The newest fleet scores, riskiest first.
     *
     * @param stale       feature-service stopped answering after these scores: they are the last ones, each marked
     *                    stale, and stay served until it answers again
     * @param staleReason why, or null when current
     */
    public record FleetRisk(Instant scoredAt, List<Prediction> predictions, boolean stale, String staleReason) {

        FleetRisk markedStale(String reason) {
            return new FleetRisk(scoredAt, predictions.stream().map(Prediction::markedStale).toList(), true, reason);
        }
    }

    /**
     * Whether feature-service answered the last fleet scoring.
     *
     * @param since  when it started answering or failing
     * @param reason why it failed; null when it answers
     */
    public record FeatureSource(boolean answering, Instant since, String reason) {
    }

    private final ServedModel served;
    private final PredictionService predictions;
    private final FeatureClient features;
    private final LatestVectors latestVectors;
    private final MultiGauge probabilityGauge;
    private final MultiGauge contributionGauge;
    private final MultiGauge featureAgeGauge;
    private final MultiGauge thresholdGauge;
    private final OwnThresholds thresholds;
    private final Timer scoringTimer;
    private final AtomicLong lastSuccessSeconds = new AtomicLong();
    private final AtomicReference<FleetRisk> latest = new AtomicReference<>();
    private final Clock clock;
    private final AtomicReference<FeatureSource> featureSource;
    private final RiskHistory history;
    private final AlarmService alarms;

    public FleetScoring(ServedModel served, PredictionService predictions, @RestClient FeatureClient features,
                        LatestVectors latestVectors, MeterRegistry meters, PredictorConfig config, Clock clock,
                        AlarmService alarms, OwnThresholds thresholds) {
        this.alarms = alarms;
        this.thresholds = thresholds;
        this.latestVectors = latestVectors;
        this.clock = clock;
        this.featureSource = new AtomicReference<>(new FeatureSource(true, clock.instant(), null));
        this.history = new RiskHistory(config.historyPoints());
        this.served = served;
        this.predictions = predictions;
        this.features = features;
        this.probabilityGauge = MultiGauge.builder("downtime_probability")
                .description("Probability that the instance is in, or enters, an incident within the horizon")
                .register(meters);
        this.contributionGauge = MultiGauge.builder("downtime_contribution")
                .description("Contribution of a feature to the instance's latest score, in log-odds (its strongest "
                        + "reasons; positive raises the risk)")
                .register(meters);
        this.thresholdGauge = MultiGauge.builder("downtime_alarm_threshold")
                .description("Alarm threshold of the instance on downtime_probability: its own, read from its own "
                        + "recent scores, once the served model has scored it for a day; before that the model's")
                .register(meters);
        Gauge.builder("downtime_predictor_own_threshold_instances", thresholds,
                        OwnThresholds::instancesWithOwnThreshold)
                .description("Instances alarming at their own threshold (read from their own recent scores)")
                .register(meters);
        this.featureAgeGauge = MultiGauge.builder("downtime_predictor_feature_age_seconds")
                .description("Age of the newest sample behind the instance's last score")
                .register(meters);
        this.scoringTimer = Timer.builder("downtime.predictor.scoring.duration")
                .description("Time to score the whole fleet")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(meters);
        Gauge.builder("downtime_predictor_stale_instances", latest,
                        r -> r.get() == null ? 0 : r.get().predictions().stream().filter(Prediction::stale).count())
                .description("Instances whose newest score rests on stale data (they or the metric source stopped "
                        + "reporting, or feature-service does not answer)")
                .register(meters);
        Gauge.builder("downtime_predictor_feature_service_up", featureSource, s -> s.get().answering() ? 1 : 0)
                .description("1 when feature-service answered the last fleet scoring, else 0 (scores are then stale)")
                .register(meters);
        Gauge.builder("downtime_predictor_scoring_last_success_timestamp_seconds", lastSuccessSeconds, AtomicLong::get)
                .description("When the fleet was last scored completely, in Unix seconds")
                .register(meters);
    }

    public Optional<FleetRisk> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** The last fleet score of {@code instance}, marked stale: what stands in while feature-service is down. */
    public Optional<Prediction> lastScore(String instance) {
        return latest().flatMap(risk -> risk.predictions().stream()
                .filter(p -> p.instance().equals(instance)).findFirst()).map(Prediction::markedStale);
    }

    public FeatureSource featureSource() {
        return featureSource.get();
    }

    /** The recent scores of {@code instance}, oldest first. */
    public Optional<List<RiskHistory.Point>> history(String instance) {
        return history.of(instance);
    }

    /** One row per prediction, tagged {@code instance, horizon, model} as {@code downtime_probability} is. */
    private static List<MultiGauge.Row<?>> perInstance(List<Prediction> scored, ToDoubleFunction<Prediction> value) {
        return scored.stream()
                .<MultiGauge.Row<?>>map(p -> MultiGauge.Row.of(Tags.of("instance", p.instance(), "horizon",
                        p.horizon(), "model", p.model().name()), value.applyAsDouble(p)))
                .toList();
    }

    @Scheduled(every = "${predictor.scoring-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scoreFleet() {
        Optional<RegisteredModel> model = served.current();
        if (model.isEmpty()) {
            return;
        }
        Timer.Sample started = Timer.start();
        List<LatestVectors.Vector> vectors;
        try {
            RemoteCompactVectors read = features.compact();
            vectors = LatestVectors.decode(read);
            latestVectors.replace(vectors);
        } catch (RuntimeException e) {
            String reason = "feature-service did not answer the fleet scoring: " + e.getMessage();
            if (featureSource.get().answering()) {
                LOG.warnf("%s; the last scores are served, marked stale, until it answers", reason);
                featureSource.set(new FeatureSource(false, clock.instant(), reason));
            }
            latest.updateAndGet(risk -> risk == null ? null : risk.markedStale(reason));
            latestVectors.markStale();
            return;
        }
        if (!featureSource.get().answering()) {
            LOG.info("feature-service answers again; fleet scores are current");
            featureSource.set(new FeatureSource(true, clock.instant(), null));
        }
        Instant now = clock.instant();
        thresholds.readAt(model.get().metadata(), now);
        List<Prediction> scored = new ArrayList<>(vectors.size());
        for (LatestVectors.Vector vector : vectors) {
            scored.add(predictions.predict(model.get(), vector, true));
        }
        scored.sort(Comparator.comparingDouble(Prediction::probability).reversed());
        latest.set(new FleetRisk(now, List.copyOf(scored), false, null));
        alarms.observe(scored);
        Map<String, Double> probabilities = scored.stream().collect(Collectors.toMap(Prediction::instance,
                Prediction::probability, (a, b) -> a));
        history.record(now, probabilities);
        thresholds.record(model.get().metadata(), now, probabilities);
        probabilityGauge.register(perInstance(scored, Prediction::probability), true);
        thresholdGauge.register(perInstance(scored, Prediction::threshold), true);
        contributionGauge.register(scored.stream()
                .flatMap(p -> p.explanation().stream().limit(EXPORTED_REASONS)
                        .map(c -> MultiGauge.Row.of(Tags.of("instance", p.instance(), "horizon", p.horizon(),
                                "feature", c.feature()), c.contribution())))
                .toList(), true);
        featureAgeGauge.register(scored.stream()
                .filter(p -> p.featuresAt() != null)
                .map(p -> MultiGauge.Row.of(Tags.of("instance", p.instance()),
                        Duration.between(p.featuresAt(), now).toMillis() / 1000.0))
                .toList(), true);
        started.stop(scoringTimer);
        lastSuccessSeconds.set(now.getEpochSecond());
    }
}

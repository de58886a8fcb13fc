package io.downtime.predictor.alarms;

import io.downtime.journal.Journal;
import io.downtime.predictor.Prediction;
import io.downtime.predictor.config.PredictorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet's alarms as a service: opened and ended by the fleet scoring, reviewed through the API, kept in their
 * journal (on the registry's volume by default) and exported as {@code downtime_alarms_total{model,outcome}} and
 * {@code downtime_alarms_review_precision{model}}.
 */
@Singleton
public class AlarmService {

    private final Alarms alarms;
    private final Journal journal;
    private final Clock clock;
    private final MultiGauge outcomes;
    private final MultiGauge precision;
    /** Models that scored the fleet: their counts are exported, as zeros before their first alarm. */
    private final Set<String> scoringModels = ConcurrentHashMap.newKeySet();

    public AlarmService(PredictorConfig config, MeterRegistry meters, Clock clock) {
        Path file = Path.of(config.alarms().journal().orElse(Path.of(config.registryDir(), "alarms.journal").toString()));
        try {
            this.journal = Journal.open(file);
            this.alarms = new Alarms(journal, config.alarms().keepOpenFor());
        } catch (IOException e) {
            throw new IllegalStateException("predictor.alarms.journal: cannot open the alarm journal "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        this.clock = clock;
        this.outcomes = MultiGauge.builder("downtime_alarms_total")
                .description("Alarms (episodes of risk at or above the threshold) by what operators said of them: "
                        + "confirmed, false or unreviewed")
                .register(meters);
        this.precision = MultiGauge.builder("downtime_alarms_review_precision")
                .description("Share of the reviewed alarms that operators confirmed: the precision the reviews imply")
                .register(meters);
        export();
    }

    public void observe(List<Prediction> scores) {
        alarms.observe(clock.instant(), scores);
        scores.forEach(score -> scoringModels.add(score.model().name()));
        export();
    }

    public Optional<Alarm> review(long id, Alarm.Verdict verdict, String note) {
        Optional<Alarm> reviewed = alarms.review(id, verdict, note, clock.instant());
        export();
        return reviewed;
    }

    public Optional<Alarm> get(long id) {
        return alarms.get(id);
    }

    public List<Alarm> list(String instance, Alarms.Filter filter) {
        return alarms.list(instance, filter);
    }

    public List<Alarm> reviewed() {
        return alarms.reviewed();
    }

    public Map<String, Alarms.Outcomes> outcomes() {
        return alarms.outcomes();
    }

    public Map<String, Alarms.Outcomes> outcomesByVersion() {
        return alarms.outcomesByVersion();
    }

    private void export() {
        List<MultiGauge.Row<?>> counts = new ArrayList<>();
        List<MultiGauge.Row<?>> precisions = new ArrayList<>();
        Map<String, Alarms.Outcomes> byModel = new TreeMap<>(alarms.outcomes());
        scoringModels.forEach(model -> byModel.putIfAbsent(model, new Alarms.Outcomes(0, 0, 0)));
        byModel.forEach((model, o) -> {
            counts.add(MultiGauge.Row.of(Tags.of("model", model, "outcome", "confirmed"), o.confirmed()));
            counts.add(MultiGauge.Row.of(Tags.of("model", model, "outcome", "false"), o.falseAlarm()));
            counts.add(MultiGauge.Row.of(Tags.of("model", model, "outcome", "unreviewed"), o.unreviewed()));
            if (o.precision() != null) {
                precisions.add(MultiGauge.Row.of(Tags.of("model", model), o.precision()));
            }
        });
        outcomes.register(counts, true);
        precision.register(precisions, true);
    }

    @PreDestroy
    void close() throws IOException {
        journal.close();
    }
}

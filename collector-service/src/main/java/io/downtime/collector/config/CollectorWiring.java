package io.downtime.collector.config;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.collector.Shard;
import io.downtime.collector.alerts.DeclaredIncidents;
import io.downtime.collector.alerts.DowntimeAlerts;
import io.downtime.collector.logs.LogBatchParser;
import io.downtime.collector.logs.LogCounters;
import io.downtime.collector.prometheus.PrometheusHttpApi;
import io.downtime.collector.prometheus.PrometheusSource;
import io.downtime.collector.replay.ReplaySource;
import io.downtime.collector.simulator.FleetSimulator;
import io.downtime.collector.simulator.SimulatedHistory;
import io.downtime.collector.simulator.SimulatorSource;
import io.downtime.features.datasets.Datasets;
import io.downtime.journal.Journal;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds the collector's plain-Java parts from the configuration; a wrong setting stops start-up with its name. */
@Singleton
public class CollectorWiring {

    @Produces
    @Singleton
    LogCounters logCounters(CollectorConfig config) {
        return newLogCounters(config);
    }

    private static LogCounters newLogCounters(CollectorConfig config) {
        List<LogCounters.LogPattern> patterns = new TreeMap<>(config.logs().patterns()).entrySet().stream()
                .map(e -> new LogCounters.LogPattern(e.getKey(), compile(e.getKey(), e.getValue())))
                .toList();
        return new LogCounters(patterns, Duration.ofHours(1).toMillis(), config.logs().maxInstances());
    }

    /** The simulated fleet's history on demand, for a predictor's cold start (whatever the source). */
    @Produces
    @Singleton
    SimulatedHistory simulatedHistory(CollectorConfig config) {
        CollectorConfig.Simulator simulator = config.simulator();
        return new SimulatedHistory(simulator.servers(), simulator.seed(), config.step(), simulator.history(),
                () -> newLogCounters(config));
    }

    @Produces
    @Singleton
    LogBatchParser logBatchParser(CollectorConfig config, Clock clock) {
        CollectorConfig.Logs logs = config.logs();
        return new LogBatchParser(new LogBatchParser.Fields(logs.instanceFields(), logs.levelFields(),
                logs.messageFields(), logs.timeFields()), logs.maxLines(), clock::millis);
    }

    @Produces
    @Singleton
    Optional<SimulatorSource> simulator(CollectorConfig config, LogCounters logs, Clock clock) {
        CollectorConfig.Simulator simulator = config.simulator();
        if (!simulator.enabled() && config.source() != CollectorConfig.Source.SIMULATOR) {
            return Optional.empty();
        }
        Duration step = config.step();
        Duration history = simulator.history();
        long origin = SimulatorSource.origin(clock.millis(), step, history);
        return Optional.of(new SimulatorSource(new FleetSimulator(simulator.servers(), simulator.seed(), origin, step),
                logs, step, simulator.speed()));
    }

    @Produces
    @Singleton
    MetricSource source(CollectorConfig config, Optional<SimulatorSource> simulator, PrometheusHttpApi prometheus) {
        return switch (config.source()) {
            case SIMULATOR -> simulator.orElseThrow();
            case REPLAY -> replay(config.replay());
            case PROMETHEUS -> new PrometheusSource(prometheus, signals(config.signals()),
                    config.prometheus().downExpression(), config.step(), config.prometheus().lookback());
        };
    }

    private static ReplaySource replay(CollectorConfig.Replay replay) {
        Path dir = Path.of(replay.dir().orElseThrow(() -> new IllegalArgumentException(
                "collector.replay.dir must name the dataset directory when collector.source=replay")));
        return new ReplaySource(Datasets.read(replay.dataset(), dir), replay.history(), replay.speed());
    }

    /** The time between samples: the dataset's own when replaying, else {@code collector.step}. */
    private static Duration step(CollectorConfig config) {
        return config.source() == CollectorConfig.Source.REPLAY ? Datasets.step(config.replay().dataset())
                : config.step();
    }

    @Produces
    @Singleton
    InstanceWindows windows(CollectorConfig config, MetricSource source, LogCounters logs, DeclaredIncidents declared) {
        return new InstanceWindows(source.signals(), logs, step(config), config.retention(), Shard.parse(config.shard()),
                config.source() == CollectorConfig.Source.PROMETHEUS
                        ? config.prometheus().minDownDuration()
                        : Duration.ZERO, declared);
    }

    /** The incidents Alertmanager declared, read back from their journal. */
    @Produces
    @Singleton
    DeclaredIncidents declaredIncidents(CollectorConfig config) {
        CollectorConfig.Alertmanager alertmanager = config.alertmanager();
        DowntimeAlerts downtime = new DowntimeAlerts(alertmanager.alertNames(),
                alertmanager.matchers().orElse(List.of()), alertmanager.instanceLabel());
        Path file = Path.of(alertmanager.journal());
        try {
            return new DeclaredIncidents(Journal.open(file), downtime, Shard.parse(config.shard()));
        } catch (IOException e) {
            throw new IllegalStateException("collector.alertmanager.journal: cannot open the incident journal "
                    + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> signals(Map<String, String> signals) {
        signals.forEach((name, query) -> {
            if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*") || query.isBlank()) {
                throw new IllegalArgumentException("collector.signals." + name
                        + " needs a name of letters, digits and underscores and a PromQL expression");
            }
        });
        return signals;
    }

    private static Pattern compile(String name, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("collector.logs.patterns." + name + " is not a valid regular expression: "
                    + e.getDescription(), e);
        }
    }
}

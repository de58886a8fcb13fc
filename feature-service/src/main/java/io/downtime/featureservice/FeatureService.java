package io.downtime.featureservice;

import io.downtime.featureservice.client.CollectorClient;
import io.downtime.featureservice.client.CollectorIncident;
import io.downtime.featureservice.client.CollectorInstance;
import io.downtime.featureservice.client.CollectorSignals;
import io.downtime.featureservice.client.CompactSamples;
import io.downtime.featureservice.config.FeatureConfig;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.HistorySource;
import io.downtime.features.FeatureSchema;
import io.downtime.features.InstanceSeries;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.TrainingRows;
import io.downtime.features.TrainingSetCsv;
import io.downtime.problem.DomainException;
import io.downtime.problem.InvalidInputException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Feature vectors from every instance's live state ({@link FleetFeatures}, kept current from the collector's feed)
 * and bounded training sets from the collector's history, both computed by one {@link FeatureExtractor}.
 */
@ApplicationScoped
public class FeatureService {

    private static final Logger LOG = Logger.getLogger(FeatureService.class);

    /** Most instances one batch request may name. */
    public static final int BATCH_LIMIT = 1000;
    /** Seed of the training set's choice of instances: the same fleet gives the same rows. */
    static final long SELECTION_SEED = 42;

    /** Writes a training set's rows, CSV or JSON. */
    @FunctionalInterface
    public interface RowWriter {
        void writeTo(OutputStream output) throws IOException;
    }

    /**
     * A training set to stream.
     *
     * @param rows     writes the rows
     * @param sampling how its rows were chosen
     * @param step     time between two samples of an instance, so between its rows
     */
    public record TrainingSet(RowWriter rows, String sampling, Duration step) {
    }

    private final CollectorClient collector;
    private final FeatureConfig config;
    private final Duration trainingWindow;
    private final Duration refreshInterval;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final Timer feedReads;
    private volatile FleetFeatures fleet;
    private volatile Duration step;
    private volatile boolean collectorAnswers = true;

    public FeatureService(@RestClient CollectorClient collector, FeatureConfig config, MeterRegistry meters,
                          Clock clock) {
        this.collector = collector;
        this.clock = clock;
        this.feedReads = Timer.builder("downtime.features.feed.read.duration")
                .description("Time to read what is new from the collector's feed and update every instance's state")
                .register(meters);
        Gauge.builder("downtime_features_instances", this, s -> s.fleet == null ? 0 : s.fleet.instances())
                .description("Instances whose feature state is kept").register(meters);
        this.config = config;
        this.trainingWindow = config.trainingWindow();
        this.refreshInterval = config.refreshInterval();
    }

    public FeatureSchema schema() {
        return fleet().extractor().schema();
    }

    /** The newest vector of {@code instance}; 404 when it has no samples. */
    public FeatureVector latest(String instance) {
        FleetFeatures current = current();
        return current.latest(instance).map(this::toVector)
                .orElseThrow(() -> new DomainException.UnknownInstance(instance));
    }

    /** The newest vector of every instance that has samples, in name order. */
    public List<FeatureVector> latestOfAll() {
        return current().all().stream().map(this::toVector).toList();
    }

    /** The newest vector of every instance in name order, as they are kept (for the compact form). */
    public List<FleetFeatures.Latest> latestRaw() {
        return current().all();
    }

    /** Whether a vector computed at {@code timestamp} is stale: older than two sample steps. */
    public boolean stale(Instant timestamp) {
        return fleet().stale(timestamp, step);
    }

    /** The newest vectors of the named instances, in the order named; 404 naming the first without samples. */
    public List<FeatureVector> latestOf(List<String> instances) {
        if (instances.isEmpty() || instances.size() > BATCH_LIMIT) {
            throw new InvalidInputException(null, "name 1 to " + BATCH_LIMIT + " instances, got " + instances.size());
        }
        FleetFeatures current = current();
        Set<String> wanted = new LinkedHashSet<>(instances);
        List<FeatureVector> vectors = new ArrayList<>(wanted.size());
        for (String instance : wanted) {
            vectors.add(current.latest(instance).map(this::toVector)
                    .orElseThrow(() -> new DomainException.UnknownInstance(instance)));
        }
        return vectors;
    }

    /** Reads what is new from the collector's feed, on a schedule (and on demand when a read is due). */
    @Scheduled(every = "${features.refresh-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (DomainException.DependencyUnavailable e) {
            // logged once by refresh()
        } catch (RuntimeException e) {
            LOG.errorf(e, "reading the collector's feed failed");
        }
    }

    /**
     * The labelled rows for {@code horizon}, as CSV or JSON to stream, from at most {@code maxRows} rows' worth of
     * instances ({@link TrainingSelection}). Input is validated and the instances chosen before anything is written,
     * so a bad parameter or an unreachable collector is a clean error response. Rows whose label cannot be known yet
     * (the horizon reaches past the newest sample, or a down run still under way at the end may yet be too short to
     * count) are left out; rows at which the source observed the instance down are marked so (they are no
     * prediction, and training and every figure leave them out), and their incident flags mark where incidents begin
     * and end.
     *
     * @param from    ISO-8601 start, or null for the configured training window back from the newest samples
     * @param to      ISO-8601 end, or null for the newest samples
     * @param format  CSV or JSON
     * @param maxRows most rows (estimated from the instances' sample counts)
     * @param source  the fleet (the collector's instances) or the simulator (the simulated fleet's history,
     *                generated by the collector with its incidents: what a cold start trains on while the real fleet
     *                has none); both chosen by the same rule
     */
    public TrainingSet trainingSet(String horizon, String from, String to, TrainingSetFormat format, long maxRows,
                                   HistorySource source) {
        FeatureExtractor extractor = fleet().extractor();
        int horizonSteps = horizonSteps(horizon);
        if (to != null && from == null) {
            throw new InvalidInputException("from", "'to' needs a 'from'");
        }
        if (maxRows < 1) {
            throw new InvalidInputException("maxRows", "maxRows must be positive, was " + maxRows);
        }
        boolean simulated = source == HistorySource.SIMULATOR;
        Map<String, CompactSamples> simulatedFleet = new LinkedHashMap<>();
        if (simulated) {
            fromCollector(collector::simulatedHistory, null).forEach(s -> simulatedFleet.put(s.instance(), s));
        }
        TrainingSelection selection = simulated ? selectSimulated(simulatedFleet.values(), maxRows) : select(maxRows);
        return new TrainingSet(output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            TrainingSetJson json = format == TrainingSetFormat.JSON ? new TrainingSetJson(out, extractor.schema()) : null;
            if (json == null) {
                TrainingSetCsv.writeHeader(out, extractor.schema());
            }
            for (String instance : selection.instances()) {
                List<CompactSamples> fetched = simulated ? List.of(simulatedFleet.get(instance))
                        : fromCollector(() -> collector.samples(instance, PrometheusDuration.format(trainingWindow), from, to, "compact"), null);
                for (CompactSamples samples : fetched) {
                    InstanceSeries series = samples.toSeries();
                    TrainingRows.forEach(extractor, series, horizonSteps, 0, (t, label, vector) -> {
                        if (json != null) {
                            json.row(series.instance(), series.timestamps()[t], label, series.incidents()[t],
                                    series.observedDown()[t], vector);
                        } else {
                            TrainingSetCsv.writeRow(out, series.instance(), series.timestamps()[t], label,
                                    series.incidents()[t], series.observedDown()[t], vector);
                        }
                    });
                }
            }
            if (json != null) {
                json.end();
            }
            out.flush();
        }, selection.description(), step);
    }

    /** The instances a training set of at most {@code maxRows} rows is built from. */
    private TrainingSelection select(long maxRows) {
        List<CollectorInstance> instances = fromCollector(collector::instances, null);
        Set<String> withIncident = fromCollector(collector::incidents, null).stream()
                .map(CollectorIncident::instance).collect(Collectors.toSet());
        long windowSamples = Math.max(1, trainingWindow.toMillis() / step.toMillis());
        List<TrainingSelection.Candidate> candidates = instances.stream()
                .filter(i -> i.samples() > 0)
                .map(i -> new TrainingSelection.Candidate(i.instance(), Math.min(i.samples(), windowSamples),
                        withIncident.contains(i.instance())))
                .toList();
        TrainingSelection selection = TrainingSelection.of(candidates, maxRows, SELECTION_SEED);
        LOG.infof("training set: %s", selection.description());
        return selection;
    }

    /** The simulated servers a cold-start training set is built from, by the same rule as the fleet's. */
    private static TrainingSelection selectSimulated(Collection<CompactSamples> fleet, long maxRows) {
        List<TrainingSelection.Candidate> candidates = fleet.stream()
                .map(s -> new TrainingSelection.Candidate(s.instance(), s.timestamps().length, anyOf(s.incidents())))
                .toList();
        TrainingSelection selection = TrainingSelection.of(candidates, maxRows, SELECTION_SEED);
        return new TrainingSelection(selection.instances(), selection.rows(), "the simulator's fleet of "
                + fleet.size() + " servers (a cold start: the fleet's own history has no incidents yet): "
                + selection.description());
    }

    private static boolean anyOf(boolean[] flags) {
        for (boolean flag : flags) {
            if (flag) {
                return true;
            }
        }
        return false;
    }

    /** The fleet's state after a read of the feed, when one is due. */
    private FleetFeatures current() {
        FleetFeatures current = fleet();
        boolean due = current.lastRead().map(last -> last.isBefore(clock.instant().minus(refreshInterval)))
                .orElse(true);
        if (due) {
            if (current.lastRead().isEmpty()) {
                refresh();
            } else if (refreshing.tryLock()) {
                // another request already reading: serve what is there
                try {
                    readFeed(current);
                } catch (DomainException.DependencyUnavailable e) {
                    // served from the state read before; its vectors turn stale with time
                } finally {
                    refreshing.unlock();
                }
            }
        }
        return current;
    }

    private void refresh() {
        FleetFeatures current = fleet();
        refreshing.lock();
        try {
            readFeed(current);
        } finally {
            refreshing.unlock();
        }
    }

    private void readFeed(FleetFeatures current) {
        try {
            Timer.Sample started = Timer.start();
            long applied = fromCollector(() -> current.read((after, epoch, limit, lag, offset) ->
                    collector.feed(after, epoch, limit, lag, offset, CollectorClient.FEED_PAGE)), null);
            started.stop(feedReads);
            if (!collectorAnswers) {
                LOG.infof("collector-service answers again: %d new samples read", applied);
                collectorAnswers = true;
            }
        } catch (DomainException.DependencyUnavailable e) {
            if (collectorAnswers) {
                LOG.warnf("reading the collector's feed failed (%s); vectors are served from the last read and turn "
                        + "stale", e.getMessage());
                collectorAnswers = false;
            }
            throw e;
        }
    }

    /**
     * The fleet state, built on first use from the collector's signals (or the configured subset) and sample step;
     * until the collector answers once, requests get a 503.
     */
    private FleetFeatures fleet() {
        if (fleet == null) {
            synchronized (this) {
                if (fleet == null) {
                    CollectorSignals signals = fromCollector(collector::signals, null);
                    step = PrometheusDuration.parse(signals.step());
                    FeatureExtractor extractor = new FeatureExtractor(config.signals().orElse(signals.signals()),
                            config.windows().stream().mapToInt(Integer::intValue).toArray(), config.baseline(),
                            FeatureExtractor.daySamples(step));
                    fleet = new FleetFeatures(extractor, clock);
                }
            }
        }
        return fleet;
    }

    private int horizonSteps(String horizon) {
        Duration duration;
        try {
            duration = PrometheusDuration.parse(horizon);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("horizon", e.getMessage());
        }
        if (duration.toMillis() % step.toMillis() != 0) {
            throw new InvalidInputException("horizon", "horizon " + horizon + " is not a whole number of samples of "
                    + PrometheusDuration.format(step));
        }
        return (int) (duration.toMillis() / step.toMillis());
    }

    private FeatureVector toVector(FleetFeatures.Latest latest) {
        double[] vector = latest.vector();
        Map<String, Double> named = new LinkedHashMap<>();
        List<String> names = schema().names();
        for (int i = 0; i < vector.length; i++) {
            named.put(names.get(i), Double.isNaN(vector[i]) ? null : vector[i]);
        }
        return new FeatureVector(latest.instance(), latest.timestamp(), schema().hash(), stale(latest.timestamp()),
                named);
    }

    private static <T> T fromCollector(Supplier<T> call, String instance) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 && instance != null) {
                throw new DomainException.UnknownInstance(instance);
            }
            throw new DomainException.DependencyUnavailable("collector-service answered "
                    + e.getResponse().getStatus(), false, e);
        } catch (ProcessingException e) {
            throw new DomainException.DependencyUnavailable("collector-service is unreachable: " + e.getMessage(),
                    true, e);
        }
    }
}

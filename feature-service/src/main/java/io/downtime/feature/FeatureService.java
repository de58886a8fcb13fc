package io.downtime.feature;

import io.downtime.feature.client.CollectorClient;
import io.downtime.feature.client.CollectorSamples;
import io.downtime.feature.client.CollectorSignals;
import io.downtime.feature.config.FeatureConfig;
import io.downtime.features.DowntimeLabels;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.FeatureSchema;
import io.downtime.features.InstanceSeries;
import io.downtime.features.PrometheusDuration;
import io.downtime.features.TrainingSetCsv;
import io.downtime.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Feature vectors and training sets from the collector's samples, computed by one {@link FeatureExtractor}. */
@ApplicationScoped
public class FeatureService {

    /** Most instances one batch request may name. */
    public static final int BATCH_LIMIT = 1000;

    private final CollectorClient collector;
    private final FeatureConfig config;
    private final String trainingWindow;
    private volatile FeatureExtractor extractor;
    private volatile Duration step;

    public FeatureService(@RestClient CollectorClient collector, FeatureConfig config) {
        this.collector = collector;
        this.config = config;
        this.trainingWindow = config.trainingWindow();
        PrometheusDuration.parse(trainingWindow);
    }

    public FeatureSchema schema() {
        return extractor().schema();
    }

    /** The newest vector of {@code instance}; 404 when the collector does not know it. */
    public FeatureVector latest(String instance) {
        String window = latestWindow();
        List<CollectorSamples> samples = fromCollector(
                () -> collector.samples(instance, window, null, null, 0, CollectorClient.PAGE), instance);
        return samples.stream().map(CollectorSamples::toSeries).filter(s -> s.length() > 0).map(this::latestOf)
                .findFirst().orElseThrow(() -> new NotFoundException("no samples of instance '" + instance + "'"));
    }

    /** The newest vector of every instance that has samples. */
    public List<FeatureVector> latestOfAll() {
        return allSamples(latestWindow(), null, null).stream()
                .map(CollectorSamples::toSeries)
                .filter(series -> series.length() > 0)
                .map(this::latestOf)
                .toList();
    }

    /** The newest vectors of the named instances, in the order named; 404 naming the first the collector lacks. */
    public List<FeatureVector> latestOf(List<String> instances) {
        if (instances.isEmpty() || instances.size() > BATCH_LIMIT) {
            throw new InvalidInputException(null, "name 1 to " + BATCH_LIMIT + " instances, got " + instances.size());
        }
        Set<String> wanted = new LinkedHashSet<>(instances);
        Map<String, FeatureVector> found = new LinkedHashMap<>();
        for (FeatureVector vector : latestOfAll()) {
            if (wanted.contains(vector.instance())) {
                found.put(vector.instance(), vector);
            }
        }
        List<FeatureVector> vectors = new ArrayList<>(wanted.size());
        for (String instance : wanted) {
            FeatureVector vector = found.get(instance);
            if (vector == null) {
                throw new NotFoundException("unknown instance '" + instance + "'");
            }
            vectors.add(vector);
        }
        return vectors;
    }

    /**
     * The labelled rows of every instance for {@code horizon}, as CSV or JSON to stream. Input is validated and the
     * samples are fetched before anything is written, so a bad parameter or an unreachable collector is a clean
     * error response. Rows whose label cannot be known yet (the horizon reaches past the newest sample) are left out;
     * rows at which the source observed the instance down are marked so (they are no prediction, and training and every
     * figure leave them out), and their incident flags mark where incidents begin and end.
     *
     * @param from   ISO-8601 start, or null for the configured training window back from the newest samples
     * @param to     ISO-8601 end, or null for the newest samples
     * @param format {@code csv} or {@code json}
     */
    public StreamingOutput trainingSet(String horizon, String from, String to, String format) {
        FeatureExtractor extractor = extractor();
        int horizonSteps = horizonSteps(horizon);
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new InvalidInputException("format", "format must be csv or json, was '" + format + "'");
        }
        if (to != null && from == null) {
            throw new InvalidInputException("from", "'to' needs a 'from'");
        }
        List<CollectorSamples> all = allSamples(trainingWindow, from, to);
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            TrainingSetJson json = "json".equals(format) ? new TrainingSetJson(out, extractor.schema()) : null;
            if (json == null) {
                TrainingSetCsv.writeHeader(out, extractor.schema());
            }
            for (CollectorSamples samples : all) {
                InstanceSeries series = samples.toSeries();
                byte[] labels = DowntimeLabels.label(series.incidents(), series.observedDown(), horizonSteps);
                for (int t = 0; t < series.length(); t++) {
                    if (labels[t] == DowntimeLabels.UNKNOWN) {
                        continue;
                    }
                    double[] vector = extractor.vectorAt(series, t);
                    if (json != null) {
                        json.row(series.instance(), series.timestamps()[t], labels[t], series.incidents()[t],
                                series.observedDown()[t], vector);
                    } else {
                        TrainingSetCsv.writeRow(out, series.instance(), series.timestamps()[t], labels[t],
                                series.incidents()[t], series.observedDown()[t], vector);
                    }
                }
            }
            if (json != null) {
                json.end();
            }
            out.flush();
        };
    }

    /**
     * The extractor, built on first use from the collector's signals (or the configured subset) and sample step;
     * until the collector answers once, requests get a 503.
     */
    private FeatureExtractor extractor() {
        if (extractor == null) {
            synchronized (this) {
                if (extractor == null) {
                    CollectorSignals signals = fromCollector(collector::signals, null);
                    step = PrometheusDuration.parse(signals.step());
                    extractor = new FeatureExtractor(config.signals().orElse(signals.signals()),
                            config.windows().stream().mapToInt(Integer::intValue).toArray(), config.baseline(),
                            (int) Math.max(1, Duration.ofDays(1).toMillis() / step.toMillis()));
                }
            }
        }
        return extractor;
    }

    /** Every page of the collector's samples. */
    private List<CollectorSamples> allSamples(String window, String from, String to) {
        List<CollectorSamples> all = new ArrayList<>();
        List<CollectorSamples> page;
        do {
            int offset = all.size();
            page = fromCollector(() -> collector.samples(null, window, from, to, offset, CollectorClient.PAGE), null);
            all.addAll(page);
        } while (page.size() == CollectorClient.PAGE);
        return all;
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

    private FeatureVector latestOf(InstanceSeries series) {
        int t = series.length() - 1;
        double[] vector = extractor().vectorAt(series, t);
        Map<String, Double> named = new LinkedHashMap<>();
        List<String> names = schema().names();
        for (int i = 0; i < vector.length; i++) {
            named.put(names.get(i), Double.isNaN(vector[i]) ? null : vector[i]);
        }
        Instant newest = Instant.ofEpochMilli(series.timestamps()[t]);
        boolean stale = newest.isBefore(Instant.now().minus(step.multipliedBy(2)));
        return new FeatureVector(series.instance(), newest, schema().hash(), stale, named);
    }

    private String latestWindow() {
        FeatureExtractor extractor = extractor();
        return PrometheusDuration.format(step.multipliedBy(extractor.historyNeeded()));
    }

    private static <T> T fromCollector(Supplier<T> call, String instance) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 && instance != null) {
                throw new NotFoundException("unknown instance '" + instance + "'");
            }
            throw new WebApplicationException("collector-service answered " + e.getResponse().getStatus(), 502);
        } catch (ProcessingException e) {
            throw new WebApplicationException("collector-service is unreachable: " + e.getMessage(), 503);
        }
    }
}

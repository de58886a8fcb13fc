package io.downtime.featureservice;

import io.downtime.featureservice.client.CollectorFeed;
import io.downtime.features.Base64Columns;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.FeatureWindow;
import io.downtime.features.Staleness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every instance's live feature state, kept current from the collector's feed: each read applies only what is new
 * since the last one (O(signals) work per new sample), and an instance's vector is computed once per new sample. An
 * instance the collector starts over (it restarted, or this service missed samples) starts over here too. Plain Java:
 * the feed is read through {@link Feed}, so the state is tested without HTTP.
 */
public final class FleetFeatures {

    /** Reads one page of the collector's feed. */
    @FunctionalInterface
    public interface Feed {
        CollectorFeed page(long after, String epoch, int limit, int lag, int offset);
    }

    /** An instance's newest vector and the time of the sample it is computed at. */
    public record Latest(String instance, Instant timestamp, double[] vector) {
    }

    private final FeatureExtractor extractor;
    private final Clock clock;
    private final Map<String, FeatureWindow> windows = new ConcurrentHashMap<>();
    private long after;
    private String epoch;
    private volatile Instant lastRead;

    public FleetFeatures(FeatureExtractor extractor, Clock clock) {
        this.extractor = extractor;
        this.clock = clock;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    /**
     * Reads everything new from the feed, page by page, and applies it. The cursor moves only once every page was
     * read, so a failed read is repeated in full next time. Returns the samples applied.
     */
    public synchronized long read(Feed feed) {
        long applied = 0;
        Integer offset = 0;
        CollectorFeed first = null;
        while (offset != null) {
            CollectorFeed page = feed.page(after, epoch, extractor.baseline(), extractor.daySamples(), offset);
            if (first == null) {
                first = page;
                if (!page.epoch().equals(epoch)) {
                    windows.clear();
                }
            }
            for (CollectorFeed.InstanceFeed instance : page.instances()) {
                applied += apply(instance, page.signals());
            }
            offset = page.nextOffset();
        }
        after = first.sequence();
        epoch = first.epoch();
        lastRead = clock.instant();
        return applied;
    }

    /** When the feed was last read completely; empty before the first read. */
    public Optional<Instant> lastRead() {
        return Optional.ofNullable(lastRead);
    }

    /** The newest vector of {@code instance}, when it has samples. */
    public Optional<Latest> latest(String instance) {
        FeatureWindow window = windows.get(instance);
        return window == null ? Optional.empty() : latestOf(instance, window);
    }

    /** The newest vector of every instance with samples, in name order. */
    public List<Latest> all() {
        List<Latest> all = new ArrayList<>(windows.size());
        windows.forEach((instance, window) -> latestOf(instance, window).ifPresent(all::add));
        all.sort(Comparator.comparing(Latest::instance));
        return all;
    }

    public int instances() {
        return windows.size();
    }

    /** Whether a vector computed at {@code timestamp} is stale ({@link Staleness}). */
    public boolean stale(Instant timestamp, Duration step) {
        return Staleness.stale(timestamp, clock.instant(), step);
    }

    private static Optional<Latest> latestOf(String instance, FeatureWindow window) {
        synchronized (window) {
            if (window.size() == 0) {
                return Optional.empty();
            }
            return Optional.of(new Latest(instance, Instant.ofEpochMilli(window.newestTimestamp()), window.vector()));
        }
    }

    private long apply(CollectorFeed.InstanceFeed instance, List<String> signals) {
        FeatureWindow window = windows.computeIfAbsent(instance.instance(), name -> new FeatureWindow(extractor, signals));
        float[][] values = instance.values().stream().map(Base64Columns::decodeFloats).toArray(float[][]::new);
        float[][] lagged = instance.lagged().stream().map(Base64Columns::decodeFloats).toArray(float[][]::new);
        long applied = 0;
        synchronized (window) {
            if (instance.reset()) {
                window.clear();
            }
            for (int i = 0; i < instance.timestamps().length; i++) {
                if (window.append(instance.timestamps()[i], column(values, i), instance.observedDown()[i],
                        column(lagged, i))) {
                    applied++;
                }
            }
        }
        return applied;
    }

    private static float[] column(float[][] columns, int i) {
        float[] sample = new float[columns.length];
        for (int s = 0; s < columns.length; s++) {
            sample[s] = columns[s][i];
        }
        return sample;
    }
}

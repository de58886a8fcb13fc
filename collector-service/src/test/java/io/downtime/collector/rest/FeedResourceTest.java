package io.downtime.collector.rest;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.RollingWindow;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogCounters;
import io.downtime.features.Base64Columns;
import io.downtime.features.FeatureExtractor;
import io.downtime.features.FeatureWindow;
import io.downtime.features.InstanceSeries;
import io.downtime.problem.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feature state kept current from the feed equals the vector computed from scratch on the collector's window, at
 * every step: through gaps, down periods, late samples and a restart of the collector.
 */
class FeedResourceTest {

    private static final List<String> SIGNALS = List.of("cpu", "mem");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(SIGNALS, new int[]{3, 7}, 12, 30);

    /** What feature-service keeps: one window per instance, the cursor, the epoch. */
    private static final class Reader {
        final Map<String, FeatureWindow> state = new HashMap<>();
        long after;
        String epoch;

        void read(FeedResource feed, int pageSize) {
            Integer offset = 0;
            long next = -1;
            String nextEpoch = null;
            while (offset != null) {
                // every page with the cursor of the last read: the cursor moves once the read is complete
                FeedResource.Feed page = feed.feed(after, epoch, EXTRACTOR.baseline(), EXTRACTOR.daySamples(), offset,
                        pageSize);
                if (next < 0) {
                    next = page.sequence();
                    nextEpoch = page.epoch();
                    if (!page.epoch().equals(epoch)) {
                        state.clear();
                    }
                }
                for (FeedResource.InstanceFeed instance : page.instances()) {
                    FeatureWindow window = state.computeIfAbsent(instance.instance(),
                            name -> new FeatureWindow(EXTRACTOR, page.signals()));
                    if (instance.reset()) {
                        window.clear();
                    }
                    float[][] values = instance.values().stream().map(Base64Columns::decodeFloats).toArray(float[][]::new);
                    float[][] lagged = instance.lagged().stream().map(Base64Columns::decodeFloats).toArray(float[][]::new);
                    for (int i = 0; i < instance.timestamps().length; i++) {
                        window.append(instance.timestamps()[i], column(values, i), instance.observedDown()[i],
                                column(lagged, i));
                    }
                }
                offset = page.nextOffset();
            }
            after = next;
            epoch = nextEpoch;
        }

        private static float[] column(float[][] columns, int i) {
            float[] sample = new float[columns.length];
            for (int s = 0; s < columns.length; s++) {
                sample[s] = columns[s][i];
            }
            return sample;
        }
    }

    @Test
    void stateFedIncrementallyEqualsTheVectorFromScratchAtEveryStepAndAfterARestart() {
        SplittableRandom random = new SplittableRandom(3);
        InstanceWindows windows = windows();
        FeedResource feed = new FeedResource(windows);
        Reader reader = new Reader();
        long time = 1_700_000_000_000L;
        int compared = 0;
        for (int step = 0; step < 400; step++) {
            time += random.nextInt(25) == 0 ? 5 * 60_000L : 60_000L;
            for (int i = 0; i < 5; i++) {
                String instance = "web-" + i;
                if (random.nextInt(10) == 0) {
                    continue; // this instance was not sampled in this step
                }
                boolean down = random.nextInt(30) == 0;
                double cpu = down || random.nextInt(20) == 0 ? Double.NaN : random.nextGaussian() * 10 + i;
                windows.append(instance, time, new double[]{cpu, step % 50}, down);
                windows.append(instance, time - 60_000, new double[]{999, 999}, false); // late: ignored
            }
            if (random.nextInt(4) == 0) {
                continue; // the reader does not read at every step
            }
            reader.read(feed, 2);
            compared += assertEqualToFromScratch(windows, reader);
            if (step == 250) {
                // the collector restarts and regenerates a shorter history: a new epoch, every instance starts over
                InstanceWindows restarted = windows();
                for (RollingWindow window : windows.all()) {
                    InstanceSeries kept = window.between(time - 40 * 60_000L, Long.MAX_VALUE);
                    for (int t = 0; t < kept.length(); t++) {
                        restarted.append(window.instance(), kept.timestamps()[t],
                                new double[]{kept.values()[0][t], kept.values()[1][t]}, kept.observedDown()[t]);
                    }
                }
                windows = restarted;
                feed = new FeedResource(windows);
            }
        }
        assertTrue(compared > 1000, "compared " + compared + " vectors");
    }

    @Test
    void saysWhatIsNewOnlyOnceAndRejectsBadParameters() {
        InstanceWindows windows = windows();
        FeedResource feed = new FeedResource(windows);
        windows.append("a", 60_000, new double[]{1, 2}, false);
        FeedResource.Feed first = feed.feed(0, null, 10, 0, 0, 1000);
        assertEquals(1, first.instances().size());
        assertTrue(first.instances().get(0).reset());
        assertNull(first.nextOffset());
        FeedResource.Feed again = feed.feed(first.sequence(), first.epoch(), 10, 0, 0, 1000);
        assertEquals(0, again.instances().size(), "nothing new");
        assertEquals(1, feed.feed(first.sequence(), "another-run", 10, 0, 0, 1000).instances().size(),
                "another epoch: everything again");
        windows.append("b", 60_000, new double[]{1, 2}, false);
        assertNotNull(feed.feed(0, null, 10, 0, 0, 1).nextOffset());
        assertThrows(InvalidInputException.class, () -> feed.feed(-1, null, 10, 0, 0, 10));
        assertThrows(InvalidInputException.class, () -> feed.feed(0, null, 0, 0, 0, 10));
        assertThrows(InvalidInputException.class, () -> feed.feed(0, null, 10, -1, 0, 10));
        assertThrows(InvalidInputException.class, () -> feed.feed(0, null, 10, 100_000, 0, 10));
        assertThrows(InvalidInputException.class, () -> feed.feed(0, null, 10, 0, -1, 10));
        assertThrows(InvalidInputException.class, () -> feed.feed(0, null, 10, 0, 0, 1001));
    }

    private static int assertEqualToFromScratch(InstanceWindows windows, Reader reader) {
        int compared = 0;
        for (RollingWindow window : windows.all()) {
            InstanceSeries series = window.between(Long.MIN_VALUE, Long.MAX_VALUE);
            FeatureWindow state = reader.state.get(window.instance());
            assertNotNull(state, window.instance());
            assertEquals(series.timestamps()[series.length() - 1], state.newestTimestamp());
            assertArrayEquals(EXTRACTOR.vectorAt(series, series.length() - 1), state.vector(),
                    window.instance() + " at " + state.newestTimestamp());
            compared++;
        }
        return compared;
    }

    private static InstanceWindows windows() {
        return new InstanceWindows(SIGNALS, new LogCounters(List.of(), Duration.ofHours(1).toMillis(), 10), MINUTE,
                Duration.ofHours(3), Shard.ALL, Duration.ZERO);
    }
}

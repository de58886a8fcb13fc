package io.downtime.collector.prometheus;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogCounters;
import io.downtime.collector.prometheus.PrometheusApi.PrometheusException;
import io.downtime.collector.prometheus.PrometheusApi.Series;
import io.downtime.features.InstanceSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The source's logic against a scripted API; the real HTTP path is tested against a stub and a real Prometheus. */
class PrometheusSourceTest {

    private static final long MINUTE = 60_000;

    /** Answers every query with the scripted series for the step grid, or fails while {@code failing}. */
    private static final class ScriptedApi implements PrometheusApi {
        final List<String> queries = new ArrayList<>();
        boolean failing;

        @Override
        public Map<String, Series> queryRange(String query, long start, long end, long step) {
            queries.add(query);
            if (failing) {
                throw new PrometheusException("down", false, null);
            }
            Map<String, Series> result = new HashMap<>();
            String base = query.startsWith("(") ? query.substring(1, query.indexOf(')')) : query;
            int n = (int) ((end - start) / step) + 1;
            long[] timestamps = new long[n];
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                timestamps[i] = start + i * step;
                values[i] = base.equals("load") ? timestamps[i] / MINUTE : Double.POSITIVE_INFINITY;
            }
            switch (base) {
                case "load" -> {
                    result.put("a", new Series(timestamps, values));
                    result.put("b", new Series(timestamps, values));
                }
                case "memory" -> result.put("a", new Series(timestamps, values));
                case "down" -> result.put("b", new Series(new long[]{end}, new double[]{0}));
                default -> throw new PrometheusException("bad query " + query, true, null);
            }
            return result;
        }
    }

    private final ScriptedApi api = new ScriptedApi();
    private final PrometheusSource source = new PrometheusSource(api, Map.of("memory", "memory", "load", "load"),
            "down", Duration.ofMinutes(1), Duration.ofMinutes(5));
    private final InstanceWindows windows = new InstanceWindows(source.signals(),
            new LogCounters(List.of(), MINUTE, 10), Duration.ofMinutes(1), Duration.ofHours(1), Shard.ALL, Duration.ZERO);

    private InstanceSeries series(String instance) {
        return windows.get(instance).orElseThrow().between(0, Long.MAX_VALUE);
    }

    @Test
    void readsTheLookbackWithOneQueryPerSignalForAllInstances() {
        source.poll(100 * MINUTE + 30_000, windows);
        assertEquals(List.of("load", "memory", "down"), api.queries, "signals in name order, then the down expression");
        assertEquals(List.of("load", "memory"), source.signals());
        InstanceSeries a = series("a");
        assertArrayEquals(new long[]{96 * MINUTE, 97 * MINUTE, 98 * MINUTE, 99 * MINUTE, 100 * MINUTE}, a.timestamps());
        assertArrayEquals(new double[]{96, 97, 98, 99, 100}, a.valuesOf("load"));
        assertTrue(Double.isNaN(a.valuesOf("memory")[0]), "a non-finite value is missing, not invented");
        assertTrue(Double.isNaN(series("b").valuesOf("memory")[0]), "b has no memory series");
        assertArrayEquals(new boolean[]{false, false, false, false, true}, series("b").observedDown());
        assertTrue(source.healthy());
    }

    @Test
    void aFailedPollAppendsNothingAndTheNextReadsTheMissedStepsWithoutGapsOrDuplicates() {
        source.poll(100 * MINUTE, windows);
        api.failing = true;
        source.poll(101 * MINUTE, windows);
        source.poll(102 * MINUTE, windows);
        assertFalse(source.healthy());
        assertEquals(100 * MINUTE, windows.get("a").orElseThrow().lastTimestamp().getAsLong());

        api.failing = false;
        source.poll(103 * MINUTE, windows);
        assertTrue(source.healthy());
        long[] timestamps = series("a").timestamps();
        for (int i = 1; i < timestamps.length; i++) {
            assertEquals(MINUTE, timestamps[i] - timestamps[i - 1]);
        }
        assertEquals(103 * MINUTE, timestamps[timestamps.length - 1]);
    }

    @Test
    void pollsWithinTheSameStepQueryNothing() {
        source.poll(100 * MINUTE, windows);
        int queries = api.queries.size();
        source.poll(100 * MINUTE + 59_000, windows);
        assertEquals(queries, api.queries.size());
    }

    @Test
    void readsOneInstancesHistoryWithItsNameOnlyAsAnEscapedLiteral() {
        String hostile = "a\"} or vector(1) #";
        InstanceSeries history = source.history(hostile, 10 * MINUTE + 1, 12 * MINUTE).orElseThrow();
        assertArrayEquals(new long[]{11 * MINUTE, 12 * MINUTE}, history.timestamps(), "aligned to the step grid");
        assertEquals(3, api.queries.size());
        for (String query : api.queries) {
            assertTrue(query.endsWith("label_replace(vector(1), \"instance\", \"a\\\"} or vector(1) #\", \"\", \"\")"), query);
        }
    }
}

package io.downtime.collector.prometheus;

import io.downtime.collector.config.CollectorConfig;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.collector.prometheus.PrometheusApi.Series;
import io.downtime.features.InstanceSeries;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the fleet from a Prometheus-API store: once a step, one range query per signal for all instances, plus one
 * for the down expression, over the steps not read yet (at start-up, the lookback). A failed poll appends nothing and
 * marks the source unhealthy; the next successful poll reads the missed steps, so no value is invented and none lost
 * within the lookback.
 */
public final class PrometheusSource implements MetricSource {

    private static final Logger LOG = Logger.getLogger(PrometheusSource.class);
    /** Prometheus refuses range queries of more than 11,000 points per series. */
    private static final int MAX_POINTS = 10_000;

    private final PrometheusApi api;
    private final List<String> signals;
    private final List<String> queries;
    private final String downExpression;
    private final long stepMillis;
    private final long lookbackMillis;
    private long lastReadMillis = Long.MIN_VALUE;
    private volatile boolean healthy = true;

    /**
     * @param api            the store
     * @param signals        signal name to PromQL; read in name order
     * @param downExpression PromQL whose series mark an instance down at a step
     * @param step           time between samples
     * @param lookback       history read at the first poll
     */
    public PrometheusSource(PrometheusApi api, Map<String, String> signals, String downExpression, Duration step,
                            Duration lookback) {
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("no signals configured: set collector.signals.<name>=<PromQL>");
        }
        this.api = api;
        this.signals = List.copyOf(new TreeSet<>(signals.keySet()));
        this.queries = this.signals.stream().map(signals::get).toList();
        this.downExpression = downExpression;
        this.stepMillis = step.toMillis();
        this.lookbackMillis = lookback.toMillis();
    }

    @Override
    public CollectorConfig.Source kind() {
        return CollectorConfig.Source.PROMETHEUS;
    }

    @Override
    public List<String> signals() {
        return signals;
    }

    @Override
    public boolean healthy() {
        return healthy;
    }

    @Override
    public void poll(long nowMillis, InstanceWindows windows) {
        long end = nowMillis - Math.floorMod(nowMillis, stepMillis);
        long start = lastReadMillis == Long.MIN_VALUE ? end - lookbackMillis + stepMillis
                : Math.max(lastReadMillis + stepMillis, end - lookbackMillis + stepMillis);
        if (start > end) {
            return;
        }
        try {
            while (start <= end) {
                long chunkEnd = Math.min(end, start + (MAX_POINTS - 1) * stepMillis);
                read(start, chunkEnd, windows);
                lastReadMillis = chunkEnd;
                start = chunkEnd + stepMillis;
            }
            if (!healthy) {
                LOG.info("Prometheus answers again; reading resumed");
            }
            healthy = true;
        } catch (RuntimeException e) {
            // PrometheusException, or the circuit breaker refusing to call a store that keeps failing
            if (healthy) {
                LOG.warnf("Prometheus poll failed, data is stale until it answers again: %s", e.getMessage());
            }
            healthy = false;
        }
    }

    /**
     * One instance's samples straight from the store: each signal's query restricted to the instance (its name goes
     * into the query only as an escaped string literal), on the step grid.
     */
    @Override
    public Optional<InstanceSeries> history(String instance, long fromMillis, long toMillis) {
        long start = fromMillis + Math.floorMod(-fromMillis, stepMillis);
        long end = Math.min(toMillis, start + (MAX_POINTS - 1) * stepMillis);
        if (start > end) {
            return Optional.empty();
        }
        int steps = (int) ((end - start) / stepMillis) + 1;
        double[][] values = new double[queries.size()][];
        for (int s = 0; s < values.length; s++) {
            values[s] = onGrid(api.queryRange(PromQL.forInstance(queries.get(s), instance), start, end, stepMillis)
                    .get(instance), start, steps);
        }
        double[] downValues = onGrid(api.queryRange(PromQL.forInstance(downExpression, instance), start, end, stepMillis)
                .get(instance), start, steps);
        long[] timestamps = new long[steps];
        boolean[] down = new boolean[steps];
        for (int t = 0; t < steps; t++) {
            timestamps[t] = start + t * stepMillis;
            down[t] = !Double.isNaN(downValues[t]);
        }
        return Optional.of(InstanceSeries.observed(instance, timestamps, signals, values, down));
    }

    private void read(long start, long end, InstanceWindows windows) {
        List<Map<String, Series>> results = new ArrayList<>(queries.size());
        for (String query : queries) {
            results.add(api.queryRange(query, start, end, stepMillis));
        }
        Map<String, Series> down = api.queryRange(downExpression, start, end, stepMillis);
        TreeSet<String> instances = new TreeSet<>(down.keySet());
        results.forEach(result -> instances.addAll(result.keySet()));

        int steps = (int) ((end - start) / stepMillis) + 1;
        for (String instance : instances) {
            double[][] columns = new double[results.size()][];
            for (int s = 0; s < columns.length; s++) {
                columns[s] = onGrid(results.get(s).get(instance), start, steps);
            }
            double[] downValues = onGrid(down.get(instance), start, steps);
            double[] sample = new double[columns.length];
            for (int t = 0; t < steps; t++) {
                boolean isDown = !Double.isNaN(downValues[t]);
                boolean any = isDown;
                for (int s = 0; s < columns.length; s++) {
                    sample[s] = columns[s][t];
                    any |= !Double.isNaN(sample[s]);
                }
                if (any) {
                    windows.append(instance, start + t * stepMillis, sample, isDown);
                }
            }
        }
    }

    /** The series' values on the step grid from {@code start}; {@code NaN} where it has none or is not finite. */
    private double[] onGrid(Series series, long start, int steps) {
        double[] grid = new double[steps];
        Arrays.fill(grid, Double.NaN);
        if (series != null) {
            for (int i = 0; i < series.timestamps().length; i++) {
                long offset = series.timestamps()[i] - start;
                if (offset >= 0 && offset % stepMillis == 0 && offset / stepMillis < steps
                        && Double.isFinite(series.values()[i])) {
                    grid[(int) (offset / stepMillis)] = series.values()[i];
                }
            }
        }
        return grid;
    }
}

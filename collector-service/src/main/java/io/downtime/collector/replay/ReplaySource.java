package io.downtime.collector.replay;

import io.downtime.collector.config.CollectorConfig;
import io.downtime.collector.InstanceWindows;
import io.downtime.collector.MetricSource;
import io.downtime.features.InstanceSeries;
import io.downtime.features.datasets.Entity;

import java.time.Duration;
import java.util.List;

/**
 * Replays the labelled part of a dataset as if its servers were live, with its labels as incidents that no feature sees (the unlabelled
 * part is left out: nobody knows where its incidents are). The first poll appends {@code history} of data at once, so
 * models can train; the rest follows at {@code speed} times real time. Times are shifted so the replay starts
 * {@code history} before the first poll; every entity starts at the same moment.
 */
public final class ReplaySource implements MetricSource {

    private final List<Entity> entities;
    private final List<String> signals;
    private final long historyMillis;
    private final double speed;
    private final int[] next;
    private long startedMillis = -1;

    public ReplaySource(List<Entity> entities, Duration history, double speed) {
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no entities to replay");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("collector.replay.speed must be positive, was " + speed);
        }
        this.entities = List.copyOf(entities);
        this.signals = entities.get(0).test().signals();
        for (Entity entity : entities) {
            if (!entity.test().signals().equals(signals)) {
                throw new IllegalArgumentException("entity " + entity.name() + " has other signals than "
                        + entities.get(0).name());
            }
        }
        this.historyMillis = history.toMillis();
        this.speed = speed;
        this.next = new int[entities.size()];
    }

    @Override
    public CollectorConfig.Source kind() {
        return CollectorConfig.Source.REPLAY;
    }

    @Override
    public List<String> signals() {
        return signals;
    }

    @Override
    public synchronized void poll(long nowMillis, InstanceWindows windows) {
        if (startedMillis < 0) {
            startedMillis = nowMillis;
        }
        long replayedMillis = historyMillis + (long) ((nowMillis - startedMillis) * speed);
        long shift = startedMillis - historyMillis;
        double[] sample = new double[signals.size()];
        for (int e = 0; e < entities.size(); e++) {
            Entity entity = entities.get(e);
            InstanceSeries labelled = entity.test();
            while (next[e] < labelled.length()) {
                int t = next[e];
                long offset = labelled.timestamps()[t] - labelled.timestamps()[0];
                if (offset > replayedMillis) {
                    break;
                }
                for (int s = 0; s < sample.length; s++) {
                    sample[s] = labelled.values()[s][t];
                }
                windows.appendLabelled(entity.name(), shift + offset, sample, labelled.incidents()[t]);
                next[e]++;
            }
        }
    }
}

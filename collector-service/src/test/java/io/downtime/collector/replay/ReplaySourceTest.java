package io.downtime.collector.replay;

import io.downtime.collector.InstanceWindows;
import io.downtime.collector.Shard;
import io.downtime.collector.logs.LogCounters;
import io.downtime.features.InstanceSeries;
import io.downtime.features.datasets.Entity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplaySourceTest {

    private static final long MINUTE = 60_000;

    private static Entity entity(String name, int length, int downAt) {
        long[] timestamps = new long[length];
        double[][] values = new double[1][length];
        boolean[] down = new boolean[length];
        for (int t = 0; t < length; t++) {
            timestamps[t] = 1_000_000 * MINUTE + t * MINUTE;
            values[0][t] = t;
            down[t] = t == downAt;
        }
        InstanceSeries unlabelled = InstanceSeries.observed(name, new long[]{0}, List.of("m1"), new double[][]{{-1}}, new boolean[1]);
        return new Entity(name, unlabelled, InstanceSeries.observed(name, timestamps, List.of("m1"), values, down));
    }

    private static InstanceWindows windows() {
        return new InstanceWindows(List.of("m1"), new LogCounters(List.of(), MINUTE, 10), Duration.ofMinutes(1),
                Duration.ofDays(1), Shard.ALL, Duration.ZERO);
    }

    @Test
    void appendsTheHistoryAtOnceThenFollowsAtTheReplaySpeed() {
        ReplaySource replay = new ReplaySource(List.of(entity("a", 100, 12), entity("b", 100, -1)), Duration.ofMinutes(10), 60);
        InstanceWindows windows = windows();
        long start = 5_000_000_000L;
        replay.poll(start, windows);
        InstanceSeries a = windows.get("a").orElseThrow().between(0, Long.MAX_VALUE);
        assertEquals(11, a.length(), "samples 0..10 fall within the first 10 minutes");
        assertEquals(start - 10 * MINUTE, a.timestamps()[0], "shifted to end at the first poll");
        assertEquals(0.0, a.valuesOf("m1")[0], "the unlabelled part is not replayed");

        replay.poll(start + 2_000, windows);
        InstanceSeries later = windows.get("a").orElseThrow().between(0, Long.MAX_VALUE);
        assertEquals(13, later.length(), "two seconds at 60x replay two more minutes");
        assertArrayEquals(new boolean[]{false, true}, new boolean[]{later.incidents()[11], later.incidents()[12]},
                "the dataset's labels are the incidents");
        assertArrayEquals(new boolean[later.length()], later.observedDown(), "a replayed dataset observes no down state");
        assertEquals(13, windows.get("b").orElseThrow().size());
    }

    @Test
    void stopsAtTheEndOfTheData() {
        ReplaySource replay = new ReplaySource(List.of(entity("a", 5, -1)), Duration.ofDays(1), 1);
        InstanceWindows windows = windows();
        replay.poll(0, windows);
        replay.poll(10_000_000, windows);
        assertEquals(5, windows.get("a").orElseThrow().size());
    }

    @Test
    void rejectsNothingToReplayAndABadSpeed() {
        assertThrows(IllegalArgumentException.class, () -> new ReplaySource(List.of(), Duration.ofDays(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new ReplaySource(List.of(entity("a", 5, -1)), Duration.ofDays(1), 0));
    }
}

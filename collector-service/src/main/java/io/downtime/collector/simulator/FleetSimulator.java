package io.downtime.collector.simulator;

import io.downtime.collector.RollingWindow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reproducible simulated fleet: servers named by role ({@code web-1}, {@code db-2}, ...), a third of them fragile
 * (failing several times a day), sampled every {@code step} into one {@link RollingWindow} each.
 */
public final class FleetSimulator {

    private static final String[] ROLES = {"web", "api", "db", "cache", "worker"};

    private final List<SimulatedServer> servers = new ArrayList<>();
    private final List<RollingWindow> windows = new ArrayList<>();
    private final long originMillis;
    private final long stepMillis;
    private final double stepsPerDay;
    private long stepsTaken;

    /**
     * @param size          number of servers
     * @param seed          seed of every random choice
     * @param originMillis  time of the first sample
     * @param step          time between samples
     * @param retention     how much history each window keeps
     */
    public FleetSimulator(int size, long seed, long originMillis, Duration step, Duration retention) {
        if (size < 1) {
            throw new IllegalArgumentException("the fleet needs at least one server, was " + size);
        }
        this.originMillis = originMillis;
        this.stepMillis = step.toMillis();
        this.stepsPerDay = Duration.ofDays(1).toMillis() / (double) stepMillis;
        int capacity = (int) Math.max(1, retention.toMillis() / stepMillis);
        for (int i = 0; i < size; i++) {
            String name = ROLES[i % ROLES.length] + "-" + (i / ROLES.length + 1);
            double failuresPerDay = i % 3 == 1 ? 3.0 : 0.3;
            servers.add(new SimulatedServer(name, seed * 1_000_003L + i, failuresPerDay));
            windows.add(new RollingWindow(name, List.of(SimulatedServer.SIGNALS), capacity));
        }
    }

    public static List<String> signals() {
        return List.of(SimulatedServer.SIGNALS);
    }

    public List<RollingWindow> windows() {
        return windows;
    }

    /** Takes every sample due at or before {@code nowMillis}; returns how many steps were taken. */
    public synchronized long advanceTo(long nowMillis) {
        long target = (nowMillis - originMillis) / stepMillis + 1;
        long taken = 0;
        double[] sample = new double[SimulatedServer.SIGNALS.length];
        while (stepsTaken < target) {
            long timestamp = originMillis + stepsTaken * stepMillis;
            double dayFraction = (timestamp % 86_400_000L) / 86_400_000d;
            for (int i = 0; i < servers.size(); i++) {
                Arrays.fill(sample, 0);
                boolean down = servers.get(i).step(dayFraction, stepsPerDay, sample);
                windows.get(i).append(timestamp, sample, down);
            }
            stepsTaken++;
            taken++;
        }
        return taken;
    }
}

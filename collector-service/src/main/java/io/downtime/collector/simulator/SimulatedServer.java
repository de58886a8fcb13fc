package io.downtime.collector.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One simulated server, advanced one sample at a time: diurnal load with noise, benign spikes that are not followed
 * by failures, and from time to time a failure that builds up through its precursors, takes the server down for a
 * while, and ends with a recovery. Deterministic for a given seed.
 */
final class SimulatedServer {

    /** Signals, in the order {@link #step} writes them. */
    static final String[] SIGNALS = {
            "cpu_busy", "load1", "memory_available_ratio", "filesystem_avail_ratio", "network_errors_per_second"};

    private static final int CORES = 4;

    private final String name;
    private final SplittableRandom random;
    private final double failuresPerDay;
    private final double baseCpu;
    private final double diurnalAmplitude;
    private final double phase;
    private final double baseMemory;

    private double cpuNoise;
    private double filesystemAvail;
    private int spikeStepsLeft;

    private FailureMode failure;
    private int failureStep;
    private int failureLength;
    private int downStepsLeft;
    private double failureStartValue;

    SimulatedServer(String name, long seed, double failuresPerDay) {
        this.name = name;
        this.random = new SplittableRandom(seed);
        this.failuresPerDay = failuresPerDay;
        this.baseCpu = 0.1 + 0.2 * random.nextDouble();
        this.diurnalAmplitude = 0.15 + 0.25 * random.nextDouble();
        this.phase = random.nextDouble() * 0.5;
        this.baseMemory = 0.55 + 0.3 * random.nextDouble();
        this.filesystemAvail = 0.4 + 0.5 * random.nextDouble();
    }

    String name() {
        return name;
    }

    /** The failure building up right now, or null. */
    FailureMode failure() {
        return failure;
    }

    /**
     * Advances by one sample taken at {@code dayFraction} (0 = midnight) and writes the signal values into
     * {@code sample} ({@code NaN} while down: a down server is not scraped). Returns whether the server is down.
     */
    boolean step(double dayFraction, double stepsPerDay, double[] sample) {
        if (downStepsLeft > 0) {
            downStepsLeft--;
            if (downStepsLeft == 0) {
                recover();
            }
            Arrays.fill(sample, Double.NaN);
            return true;
        }
        maybeStartEvents(stepsPerDay);
        double diurnal = 0.5 + 0.5 * Math.sin(2 * Math.PI * (dayFraction + phase) - Math.PI / 2);
        cpuNoise = 0.9 * cpuNoise + 0.03 * random.nextGaussian();
        double cpu = baseCpu + diurnalAmplitude * diurnal + cpuNoise;
        double memory = baseMemory - 0.12 * diurnal + 0.01 * random.nextGaussian();
        double networkErrors = Math.abs(0.02 * random.nextGaussian());
        double loadFactor = 1;
        filesystemAvail -= 0.03 / stepsPerDay;
        if (filesystemAvail < 0.15) {
            filesystemAvail += 0.25;
        }
        double filesystem = filesystemAvail;

        if (spikeStepsLeft > 0) {
            spikeStepsLeft--;
            cpu += 0.35;
            networkErrors += 0.5 * random.nextDouble();
        }
        if (failure != null) {
            double progress = (double) ++failureStep / failureLength;
            switch (failure) {
                case MEMORY_LEAK -> memory = memory - (memory - 0.02) * Math.pow(progress, 1.3);
                case DISK_FILL -> filesystem = failureStartValue * (1 - Math.pow(progress, 1.5));
                case CPU_SATURATION -> {
                    cpu = cpu + (0.99 - cpu) * Math.sqrt(progress);
                    loadFactor = 1 + 4 * progress * progress;
                }
                case NETWORK_DEGRADATION -> networkErrors += 0.05 * Math.exp(7 * progress);
                case SUDDEN_CRASH -> { }
            }
            if (failureStep >= failureLength) {
                goDown();
            }
        }
        cpu = clamp(cpu, 0.01, 1);
        sample[0] = cpu;
        sample[1] = Math.max(0, cpu * CORES * loadFactor + 0.2 * random.nextGaussian());
        sample[2] = clamp(memory, 0.005, 1);
        sample[3] = clamp(filesystem, 0, 1);
        sample[4] = networkErrors;
        return false;
    }

    private void maybeStartEvents(double stepsPerDay) {
        if (spikeStepsLeft == 0 && random.nextDouble() < 3 / stepsPerDay) {
            spikeStepsLeft = 5 + random.nextInt(11);
        }
        if (failure == null && random.nextDouble() < failuresPerDay / stepsPerDay) {
            FailureMode[] modes = FailureMode.values();
            failure = modes[random.nextInt(modes.length)];
            failureStep = 0;
            failureLength = Math.max(1, failure.minLeadSteps
                    + random.nextInt(failure.maxLeadSteps - failure.minLeadSteps + 1));
            failureStartValue = filesystemAvail;
        }
    }

    private void goDown() {
        downStepsLeft = 5 + random.nextInt(16);
    }

    private void recover() {
        if (failure == FailureMode.DISK_FILL) {
            filesystemAvail = 0.5 + 0.3 * random.nextDouble();
        }
        failure = null;
        cpuNoise = 0;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}

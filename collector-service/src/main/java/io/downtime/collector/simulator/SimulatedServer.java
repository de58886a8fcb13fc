package io.downtime.collector.simulator;

import io.downtime.collector.logs.LogEvent;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One simulated server, advanced one sample at a time: diurnal load with noise, benign spikes and deploy restarts
 * that are not followed by failures, and from time to time a failure that builds up through its precursors in
 * metrics and logs, takes the server down for a while, and ends with a recovery. Deterministic for a given seed.
 */
final class SimulatedServer {

    /** Signals, in the order {@link #step} writes them; the names of the default Prometheus signal queries. */
    static final List<String> SIGNALS = List.of("cpu_busy", "load1", "memory_available_ratio", "swap_used_ratio",
            "filesystem_avail_ratio", "disk_io_busy", "network_errors_per_second", "tcp_retransmits_per_second",
            "procs_running");

    private final String name;
    private final SplittableRandom random;
    private final double failuresPerDay;
    private final double baseCpu;
    private final double diurnalAmplitude;
    private final double phase;
    private final double baseMemory;
    private final NodeExporterState node;

    private double cpuNoise;
    private double filesystemAvail;
    private int spikeStepsLeft;

    private FailureMode failure;
    private int failureStep;
    private int failureLength;
    private int downStepsLeft;
    private boolean lastStepDown;
    private double failureStartFilesystem;

    SimulatedServer(String name, long seed, double failuresPerDay) {
        this.name = name;
        this.random = new SplittableRandom(seed);
        this.failuresPerDay = failuresPerDay;
        this.baseCpu = 0.1 + 0.2 * random.nextDouble();
        this.diurnalAmplitude = 0.15 + 0.25 * random.nextDouble();
        this.phase = random.nextDouble() * 0.5;
        this.baseMemory = 0.55 + 0.3 * random.nextDouble();
        this.filesystemAvail = 0.4 + 0.5 * random.nextDouble();
        this.node = new NodeExporterState((8L << 30) * (1 + random.nextInt(4)));
    }

    String name() {
        return name;
    }

    /** The failure building up right now, or null. */
    FailureMode failure() {
        return failure;
    }

    /** Whether the latest step found the server down. */
    boolean isDown() {
        return lastStepDown;
    }

    /** What node-exporter on this server reports now. */
    NodeExporterState node() {
        return node;
    }

    /**
     * Advances by one sample taken at {@code timestamp}, {@code dayFraction} into the day (0 = midnight). Writes the
     * signal values into {@code signals} ({@code NaN} while down: a down server is not scraped) and the log lines of
     * this step to {@code logs}. Returns whether the server is down.
     */
    boolean step(long timestamp, double dayFraction, double stepSeconds, double[] signals, Consumer<LogEvent> logs) {
        lastStepDown = downStepsLeft > 0;
        double stepsPerDay = 86_400 / stepSeconds;
        if (downStepsLeft > 0) {
            downStepsLeft--;
            if (downStepsLeft == 0) {
                recover(timestamp, logs);
            }
            Arrays.fill(signals, Double.NaN);
            return true;
        }
        maybeStartEvents(timestamp, stepsPerDay, logs);
        double diurnal = 0.5 + 0.5 * Math.sin(2 * Math.PI * (dayFraction + phase) - Math.PI / 2);
        cpuNoise = 0.9 * cpuNoise + 0.03 * random.nextGaussian();
        double cpu = baseCpu + diurnalAmplitude * diurnal + cpuNoise;
        double memory = baseMemory - 0.12 * diurnal + 0.01 * random.nextGaussian();
        double swapUsed = 0.02 + 0.005 * Math.abs(random.nextGaussian());
        double ioBusy = 0.05 + 0.1 * diurnal + 0.02 * Math.abs(random.nextGaussian());
        double networkErrors = Math.abs(0.02 * random.nextGaussian());
        double retransmits = 1 + 2 * diurnal + 0.5 * Math.abs(random.nextGaussian());
        double loadFactor = 1;
        double extraProcs = 0;
        double errorsPerStep = 0.2;
        double warningsPerStep = 1;
        filesystemAvail -= 0.03 / stepsPerDay;
        if (filesystemAvail < 0.15) {
            filesystemAvail += 0.25;
            log(logs, timestamp, "info", "logrotate: compressed and removed old logs");
        }
        double filesystem = filesystemAvail;

        if (spikeStepsLeft > 0) {
            spikeStepsLeft--;
            cpu += 0.35;
            networkErrors += 0.5 * random.nextDouble();
            warningsPerStep += 2;
        }
        if (failure != null) {
            double progress = (double) ++failureStep / failureLength;
            switch (failure) {
                case MEMORY_LEAK -> {
                    memory = memory - (memory - 0.02) * Math.pow(progress, 1.3);
                    swapUsed += 0.9 * Math.pow(progress, 2);
                    warningsPerStep += 6 * progress * progress;
                    if (progress > 0.8) {
                        log(logs, timestamp, "warn", "GC overhead limit approaching: heap 97% full");
                    }
                }
                case DISK_FILL -> {
                    filesystem = failureStartFilesystem * (1 - Math.pow(progress, 1.5));
                    ioBusy += 0.6 * progress;
                    if (progress > 0.9) {
                        log(logs, timestamp, "error", "write failed: No space left on device");
                    }
                }
                case CPU_SATURATION -> {
                    cpu = cpu + (0.99 - cpu) * Math.sqrt(progress);
                    loadFactor = 1 + 4 * progress * progress;
                    extraProcs = 40 * progress * progress;
                    warningsPerStep += 4 * progress;
                    if (progress > 0.7) {
                        log(logs, timestamp, "warn", "worker thread pool exhausted, queueing requests");
                    }
                }
                case ERROR_STORM -> {
                    errorsPerStep += 0.5 * Math.exp(5 * progress);
                    cpu += 0.1 * progress;
                }
                case NETWORK_DEGRADATION -> {
                    networkErrors += 0.05 * Math.exp(7 * progress);
                    retransmits += 5 * Math.exp(4 * progress);
                    if (progress > 0.6) {
                        log(logs, timestamp, "error", "upstream connection reset by peer");
                    }
                }
                case SUDDEN_CRASH -> log(logs, timestamp, "fatal", "kernel panic - not syncing: fatal exception");
            }
            if (failureStep >= failureLength) {
                goDown(timestamp, logs);
            }
        }
        emit(logs, timestamp, "error", "request failed with status 500", errorsPerStep);
        emit(logs, timestamp, "warn", "slow request: took longer than 2s", warningsPerStep);

        cpu = clamp(cpu, 0.01, 1);
        ioBusy = clamp(ioBusy, 0, 1);
        double load = Math.max(0, cpu * NodeExporterState.CORES * loadFactor + 0.2 * random.nextGaussian());
        double procs = Math.max(1, Math.round(cpu * NodeExporterState.CORES + 1 + extraProcs + random.nextGaussian()));
        signals[0] = cpu;
        signals[1] = load;
        signals[2] = clamp(memory, 0.005, 1);
        signals[3] = clamp(swapUsed, 0, 1);
        signals[4] = clamp(filesystem, 0, 1);
        signals[5] = ioBusy;
        signals[6] = networkErrors;
        signals[7] = retransmits;
        signals[8] = procs;

        node.advance(stepSeconds, cpu, ioBusy, networkErrors, retransmits);
        node.load1 = load;
        node.memoryAvailableBytes = signals[2] * node.memoryTotalBytes;
        node.swapFreeBytes = (1 - signals[3]) * node.swapTotalBytes;
        node.filesystemAvailBytes = signals[4] * node.filesystemSizeBytes;
        node.procsRunning = procs;
        return false;
    }

    private void maybeStartEvents(long timestamp, double stepsPerDay, Consumer<LogEvent> logs) {
        if (spikeStepsLeft == 0 && random.nextDouble() < 3 / stepsPerDay) {
            spikeStepsLeft = 5 + random.nextInt(11);
        }
        if (random.nextDouble() < 0.5 / stepsPerDay) {
            log(logs, timestamp, "info", "deploy: service restarted with new version");
        }
        if (failure == null && random.nextDouble() < failuresPerDay / stepsPerDay) {
            FailureMode[] modes = FailureMode.values();
            failure = modes[random.nextInt(modes.length)];
            failureStep = 0;
            failureLength = Math.max(1, failure.minLeadSteps
                    + random.nextInt(failure.maxLeadSteps - failure.minLeadSteps + 1));
            failureStartFilesystem = filesystemAvail;
        }
    }

    private void goDown(long timestamp, Consumer<LogEvent> logs) {
        if (failure == FailureMode.MEMORY_LEAK) {
            log(logs, timestamp, "error", "Out of memory: Killed process 4242 (java)");
        }
        downStepsLeft = 5 + random.nextInt(16);
    }

    private void recover(long timestamp, Consumer<LogEvent> logs) {
        if (failure == FailureMode.DISK_FILL) {
            filesystemAvail = 0.5 + 0.3 * random.nextDouble();
        }
        failure = null;
        cpuNoise = 0;
        log(logs, timestamp, "info", "service restarted after failure");
    }

    /** Emits a Poisson-distributed number of lines with the given mean. */
    private void emit(Consumer<LogEvent> logs, long timestamp, String level, String message, double mean) {
        double limit = Math.exp(-Math.min(mean, 50));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit && count < 500) {
            count++;
            product *= random.nextDouble();
        }
        for (int i = 0; i < count; i++) {
            log(logs, timestamp, level, message);
        }
    }

    private void log(Consumer<LogEvent> logs, long timestamp, String level, String message) {
        logs.accept(new LogEvent(name, timestamp, level, message));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}

package io.downtime.collector.simulator;

/**
 * How a simulated server fails. Each mode but {@link #SUDDEN_CRASH} has precursors in its signals whose lead time
 * varies between {@code minLeadSteps} and {@code maxLeadSteps}; a sudden crash has none, as many real outages.
 */
public enum FailureMode {
    /** Available memory shrinks until the OOM killer ends the service. */
    MEMORY_LEAK(60, 240),
    /** The filesystem fills up until writes fail. */
    DISK_FILL(60, 180),
    /** CPU saturates and the run queue grows until the service stops answering. */
    CPU_SATURATION(30, 90),
    /** Network errors multiply until the server is unreachable. */
    NETWORK_DEGRADATION(20, 60),
    /** Down without warning. */
    SUDDEN_CRASH(0, 0);

    final int minLeadSteps;
    final int maxLeadSteps;

    FailureMode(int minLeadSteps, int maxLeadSteps) {
        this.minLeadSteps = minLeadSteps;
        this.maxLeadSteps = maxLeadSteps;
    }
}

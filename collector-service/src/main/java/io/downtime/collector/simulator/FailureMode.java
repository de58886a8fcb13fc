package io.downtime.collector.simulator;

/**
 * How a simulated server fails. Each mode but {@link #SUDDEN_CRASH} has precursors in its metrics or logs whose lead
 * time varies between {@code minLeadSteps} and {@code maxLeadSteps}; a sudden crash has none, as many real outages.
 */
public enum FailureMode {
    /** Available memory shrinks and swap fills until the OOM killer ends the service. */
    MEMORY_LEAK(60, 240),
    /** The filesystem fills up until writes fail. */
    DISK_FILL(60, 180),
    /** CPU saturates, the run queue and runnable processes grow until the service stops answering. */
    CPU_SATURATION(30, 90),
    /** Errors in the logs multiply until the service gives up. */
    ERROR_STORM(20, 60),
    /** Network errors and TCP retransmits multiply until the server is unreachable. */
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

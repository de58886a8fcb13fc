package io.downtime.collector.simulator;

/**
 * What node-exporter would report for a simulated server: cumulative counters and current gauges, under
 * node-exporter's own metric names, so the default signal queries work unchanged on simulated and real servers.
 */
final class NodeExporterState {

    static final int CORES = 4;
    private static final String[] CPU_MODES = {"idle", "iowait", "system", "user"};

    final double memoryTotalBytes;
    final double swapTotalBytes = 2.0 * (1L << 30);
    final double filesystemSizeBytes = 100.0 * (1L << 30);

    /** Seconds per CPU mode, summed over all cores. */
    final double[] cpuSeconds = new double[CPU_MODES.length];
    double diskIoTimeSeconds;
    double networkReceiveErrors;
    double networkTransmitErrors;
    double tcpRetransmittedSegments;

    double load1;
    double memoryAvailableBytes;
    double swapFreeBytes = swapTotalBytes;
    double filesystemAvailBytes;
    double procsRunning;

    NodeExporterState(double memoryTotalBytes) {
        this.memoryTotalBytes = memoryTotalBytes;
    }

    /**
     * Advances the counters by {@code seconds} at the given rates.
     *
     * @param cpuBusy        share of CPU time not idle
     * @param ioBusy         share of time the disk was busy
     * @param networkErrors  receive and transmit errors per second
     * @param retransmits    TCP segments retransmitted per second
     */
    void advance(double seconds, double cpuBusy, double ioBusy, double networkErrors, double retransmits) {
        double cpuTotal = seconds * CORES;
        cpuSeconds[0] += cpuTotal * (1 - cpuBusy);
        cpuSeconds[1] += cpuTotal * cpuBusy * 0.05;
        cpuSeconds[2] += cpuTotal * cpuBusy * 0.25;
        cpuSeconds[3] += cpuTotal * cpuBusy * 0.70;
        diskIoTimeSeconds += seconds * ioBusy;
        networkReceiveErrors += seconds * networkErrors * 0.6;
        networkTransmitErrors += seconds * networkErrors * 0.4;
        tcpRetransmittedSegments += seconds * retransmits;
    }

    /** The Prometheus text exposition of this state, as scraped from {@code /metrics}. */
    String render() {
        StringBuilder text = new StringBuilder(4096);
        type(text, "node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.");
        for (int cpu = 0; cpu < CORES; cpu++) {
            for (int mode = 0; mode < CPU_MODES.length; mode++) {
                sample(text, "node_cpu_seconds_total{cpu=\"" + cpu + "\",mode=\"" + CPU_MODES[mode] + "\"}",
                        cpuSeconds[mode] / CORES);
            }
        }
        gauge(text, "node_load1", "1m load average.", load1);
        gauge(text, "node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes.", memoryTotalBytes);
        gauge(text, "node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes.", memoryAvailableBytes);
        gauge(text, "node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes.", swapTotalBytes);
        gauge(text, "node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.", swapFreeBytes);
        String fs = "{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"}";
        type(text, "node_filesystem_avail_bytes", "gauge", "Filesystem space available to non-root users in bytes.");
        sample(text, "node_filesystem_avail_bytes" + fs, filesystemAvailBytes);
        type(text, "node_filesystem_size_bytes", "gauge", "Filesystem size in bytes.");
        sample(text, "node_filesystem_size_bytes" + fs, filesystemSizeBytes);
        type(text, "node_disk_io_time_seconds_total", "counter", "Total seconds spent doing I/Os.");
        sample(text, "node_disk_io_time_seconds_total{device=\"sda\"}", diskIoTimeSeconds);
        type(text, "node_network_receive_errs_total", "counter", "Network device statistic receive_errs.");
        sample(text, "node_network_receive_errs_total{device=\"eth0\"}", networkReceiveErrors);
        type(text, "node_network_transmit_errs_total", "counter", "Network device statistic transmit_errs.");
        sample(text, "node_network_transmit_errs_total{device=\"eth0\"}", networkTransmitErrors);
        type(text, "node_netstat_Tcp_RetransSegs", "untyped", "Statistic TcpRetransSegs.");
        sample(text, "node_netstat_Tcp_RetransSegs", tcpRetransmittedSegments);
        gauge(text, "node_procs_running", "Number of processes in runnable state.", procsRunning);
        return text.toString();
    }

    private static void gauge(StringBuilder text, String name, String help, double value) {
        type(text, name, "gauge", help);
        sample(text, name, value);
    }

    private static void type(StringBuilder text, String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder text, String series, double value) {
        text.append(series).append(' ').append(value).append('\n');
    }
}

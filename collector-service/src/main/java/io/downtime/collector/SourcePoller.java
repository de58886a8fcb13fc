package io.downtime.collector;

import io.downtime.collector.simulator.SimulatorSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * Drives the metric source: a first poll at start-up (the simulator's history, Prometheus' lookback), then one a
 * second, never two at once; the source takes only the samples that are due. A simulator that is not the source still advances, to
 * serve its scrape targets and logs.
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);

    private final MetricSource source;
    private final Optional<SimulatorSource> simulator;
    private final InstanceWindows windows;
    private final Clock clock;
    private final Timer pollDuration;

    public SourcePoller(MetricSource source, Optional<SimulatorSource> simulator, InstanceWindows windows, Clock clock,
                        MeterRegistry meters) {
        this.source = source;
        this.simulator = simulator;
        this.windows = windows;
        this.clock = clock;
        this.pollDuration = Timer.builder("downtime.collector.poll.duration")
                .description("Time one poll of the metric source takes").tag("source", source.kind().id()).register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        poll();
        LOG.infof("source %s: %d instances (shard %s), %d signals, first poll took %d ms", source.kind().id(),
                windows.all().size(), windows.shard(), windows.signals().size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void poll() {
        long now = clock.millis();
        simulator.filter(s -> s != source).ifPresent(s -> s.advance(now, SampleSink.DISCARD));
        pollDuration.record(() -> source.poll(now, windows));
    }
}

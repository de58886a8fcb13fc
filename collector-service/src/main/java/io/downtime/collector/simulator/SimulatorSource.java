package io.downtime.collector.simulator;

import io.downtime.collector.MetricSource;
import io.downtime.collector.RollingWindow;
import io.downtime.collector.config.CollectorConfig;
import io.downtime.features.PrometheusDuration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The simulator as a metric source: generates {@code history} at start-up, then advances with the clock at
 * {@code speed} times real time.
 */
@ApplicationScoped
public class SimulatorSource implements MetricSource {

    private static final Logger LOG = Logger.getLogger(SimulatorSource.class);

    private final FleetSimulator fleet;
    private final Duration step;
    private final Clock clock;
    private final long startedMillis;
    private final long simulatedStartMillis;
    private final double speed;
    private final List<RollingWindow> windowsByName;

    public SimulatorSource(CollectorConfig config, Clock clock) {
        if (!"simulator".equals(config.source())) {
            throw new IllegalArgumentException("collector.source '" + config.source()
                    + "' is not available in this version; use 'simulator'");
        }
        CollectorConfig.Simulator simulator = config.simulator();
        this.step = PrometheusDuration.parse(simulator.step());
        Duration history = PrometheusDuration.parse(simulator.history());
        Duration retention = PrometheusDuration.parse(config.retention());
        if (simulator.speed() <= 0) {
            throw new IllegalArgumentException("collector.simulator.speed must be positive, was " + simulator.speed());
        }
        this.clock = clock;
        this.speed = simulator.speed();
        this.startedMillis = clock.millis();
        this.simulatedStartMillis = startedMillis - startedMillis % step.toMillis();
        long origin = simulatedStartMillis - history.toMillis() + step.toMillis();
        this.fleet = new FleetSimulator(simulator.servers(), simulator.seed(), origin, step, retention);
        this.windowsByName = fleet.windows().stream().sorted(Comparator.comparing(RollingWindow::instance)).toList();
        long steps = fleet.advanceTo(simulatedStartMillis);
        LOG.infof("simulated %d servers for %s (%d samples each, step %s, speed %.1fx)",
                simulator.servers(), simulator.history(), steps, simulator.step(), speed);
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public Duration step() {
        return step;
    }

    @Override
    public List<String> signals() {
        return FleetSimulator.signals();
    }

    @Override
    public List<RollingWindow> windows() {
        return windowsByName;
    }

    /** The simulated present: real time elapsed since start, times the speed. */
    public long simulatedNowMillis() {
        return simulatedStartMillis + (long) ((clock.millis() - startedMillis) * speed);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void advance() {
        fleet.advanceTo(simulatedNowMillis());
    }
}

package io.downtime.system;

import io.downtime.stub.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The four packaged services as real processes on the simulator, wired to each other, with a registry of their own. */
final class RunningSystem implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Admin operations need this token, as in a cluster; the web UI is given it to forward. */
    static final String ADMIN_TOKEN = "system-test-token";

    final Path registry;
    final ServiceProcess collector;
    final ServiceProcess features;
    ServiceProcess predictor;
    final ServiceProcess web;

    private RunningSystem() throws Exception {
        registry = Files.createTempDirectory("system-registry");
        collector = PackagedService.start("collector-service", Map.of("downtime.admin-token", ADMIN_TOKEN));
        features = PackagedService.start("feature-service", Map.of("quarkus.rest-client.collector.url", collector.url()));
        predictor = startPredictor();
        web = PackagedService.start("web-frontend", Map.of(
                "downtime.admin-token", ADMIN_TOKEN,
                "quarkus.rest-client.predictor.url", predictor.url(),
                "quarkus.rest-client.collector.url", collector.url(),
                "quarkus.rest-client.features.url", features.url()));
        for (ServiceProcess service : List.of(collector, features, predictor, web)) {
            service.awaitReady(READY_TIMEOUT);
        }
    }

    /** Starts the system and waits until every service is ready (the predictor has trained its first model). */
    static RunningSystem start() throws Exception {
        return new RunningSystem();
    }

    /** Stops the predictor and starts a new one on the same registry. */
    void restartPredictor() throws Exception {
        predictor.close();
        predictor = startPredictor();
        predictor.awaitReady(READY_TIMEOUT);
    }

    private ServiceProcess startPredictor() {
        // The tests start their own trainings: no comparison of every algorithm running beside them.
        return PackagedService.start("predictor-service", Map.of(
                "downtime.admin-token", ADMIN_TOKEN,
                "quarkus.rest-client.features.url", features.url(),
                "predictor.registry-dir", registry.toString(),
                "predictor.training.compare-all", "false"));
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess service : new ServiceProcess[]{web, predictor, features, collector}) {
            if (service != null) {
                service.close();
            }
        }
    }
}

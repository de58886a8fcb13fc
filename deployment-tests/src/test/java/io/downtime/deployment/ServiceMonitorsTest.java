package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kube-prometheus-stack's Prometheus finds the ServiceMonitors and the rules, and each monitor scrapes one Service. */
class ServiceMonitorsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void eachServiceMonitorSelectsOneServiceByItsLabelsAndScrapesItsNamedPort(ValuesFile values) {
        RenderedObjects objects = HelmChart.render(values);
        List<ServiceMonitor> monitors = objects.all(ServiceMonitor.class);
        if (monitors.isEmpty()) {
            return;
        }
        List<Service> services = objects.all(Service.class);
        assertEquals(services.size(), monitors.size(), "one ServiceMonitor per Service");
        for (ServiceMonitor monitor : monitors) {
            Map<String, String> selector = monitor.getSpec().getSelector().getMatchLabels();
            List<Service> selected = services.stream()
                    .filter(service -> service.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, selected.size(), monitor.getMetadata().getName() + " selects " + selected.size() + " Services");
            List<String> portNames = selected.get(0).getSpec().getPorts().stream().map(ServicePort::getName).toList();
            for (Endpoint endpoint : monitor.getSpec().getEndpoints()) {
                assertTrue(portNames.contains(endpoint.getPort()), endpoint.getPort() + " not in " + portNames);
                assertEquals("/q/metrics", endpoint.getPath());
                // The predictor's series carry their own `instance` (a server of the fleet); the scrape must keep it.
                assertEquals(Boolean.TRUE, endpoint.getHonorLabels());
            }
        }
    }

    @Test
    void monitorsAndRulesCarryTheReleaseLabelThatKubePrometheusStackSelects() {
        RenderedObjects objects = HelmChart.render(ValuesFile.DEFAULTS, Map.of("prometheus.release", "monitoring"));
        List<HasMetadata> monitoring = Stream.concat(objects.all(ServiceMonitor.class).stream(),
                objects.all(PrometheusRule.class).stream()).map(HasMetadata.class::cast).toList();
        assertEquals(5, monitoring.size());
        for (HasMetadata object : monitoring) {
            assertEquals("monitoring", object.getMetadata().getLabels().get("release"), object.getMetadata().getName());
        }
    }
}

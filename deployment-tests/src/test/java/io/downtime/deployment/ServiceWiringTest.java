package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services find each other: each Service reaches its Deployment's named port, each service reads its own
 * properties from the ConfigMap under the names the service's code reads, and every URL between them names a
 * rendered Service and its port.
 */
class ServiceWiringTest {

    /** Component of the chart → Maven module whose application.properties defines the keys it may set. */
    private static final Map<String, String> MODULES = Map.of("collector", "collector-service",
            "features", "feature-service", "predictor", "predictor-service", "web", "web-frontend");
    private static final Pattern SERVICE_URL = Pattern.compile("^http://([a-z0-9-]+):(\\d+)$");


    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void eachServiceReachesTheNamedPortOfOneDeployment(ValuesFile values) {
        RenderedObjects objects = HelmChart.render(values);
        for (Service service : objects.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = objects.all(Deployment.class).stream()
                    .filter(deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, selected.size(), service.getMetadata().getName());
            assertEquals(selector, selected.get(0).getSpec().getSelector().getMatchLabels());
            Container container = selected.get(0).getSpec().getTemplate().getSpec().getContainers().get(0);
            for (ServicePort port : service.getSpec().getPorts()) {
                ContainerPort target = container.getPorts().stream()
                        .filter(candidate -> candidate.getName().equals(port.getTargetPort().getStrVal()))
                        .findFirst().orElseThrow(() -> new AssertionError(port.getTargetPort() + " not a port of "
                                + container.getName()));
                assertEquals(port.getPort(), target.getContainerPort());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void eachServiceReadsItsOwnRealPropertiesAndTheUrlsNameRenderedServices(ValuesFile values) throws IOException {
        RenderedObjects objects = HelmChart.render(values);
        ConfigMap config = objects.named(ConfigMap.class, "dp-downtime-predictor-config");
        for (Map.Entry<String, String> module : MODULES.entrySet()) {
            Deployment deployment = objects.named(Deployment.class, "dp-downtime-predictor-" + module.getKey());
            assertMountsAsApplicationProperties(deployment, module.getKey() + ".properties");
            String packaged = Files.readString(Project.path(module.getValue() + "/src/main/resources/application.properties"));
            Properties properties = new Properties();
            properties.load(new StringReader(config.getData().get(module.getKey() + ".properties")));
            for (String key : properties.stringPropertyNames()) {
                assertTrue(packaged.contains("\n" + key + "=") || packaged.contains("\n# " + key + "="),
                        module.getValue() + " has no property " + key);
                Matcher url = SERVICE_URL.matcher(properties.getProperty(key));
                if (key.startsWith("quarkus.rest-client.") && url.matches()) {
                    Service service = objects.named(Service.class, url.group(1));
                    assertEquals(Integer.parseInt(url.group(2)), service.getSpec().getPorts().get(0).getPort());
                }
            }
        }
    }

    @Test
    void theCollectorReadsThePrometheusOfKubePrometheusStackByDefault() throws IOException {
        assertEquals("http://kps-kube-prometheus-stack-prometheus.downtime.svc:9090", prometheusUrl(Map.of()));
        assertEquals("http://kube-prometheus-stack-prometheus.monitoring.svc:9090", prometheusUrl(
                Map.of("prometheus.release", "kube-prometheus-stack", "prometheus.namespace", "monitoring")));
        // kube-prometheus-stack truncates its full name to 26 characters: release "prometheus" gives this.
        assertEquals("http://prometheus-kube-prometheus-prometheus.downtime.svc:9090",
                prometheusUrl(Map.of("prometheus.release", "prometheus")));
        assertEquals("http://thanos:9090", prometheusUrl(Map.of("collector.prometheus.url", "http://thanos:9090")));
    }

    @Test
    void aReleaseHandlesTheShardOfTheFleetItIsGiven() throws IOException {
        assertEquals("0/1", collectorProperties(Map.of()).getProperty("collector.shard"), "the whole fleet by default");
        assertEquals("2/4", collectorProperties(Map.of("collector.shard", "2/4")).getProperty("collector.shard"));
    }

    private static String prometheusUrl(Map<String, String> set) throws IOException {
        return collectorProperties(set).getProperty("collector.prometheus.url");
    }

    private static Properties collectorProperties(Map<String, String> set) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(HelmChart.render(ValuesFile.DEFAULTS, set)
                .named(ConfigMap.class, "dp-downtime-predictor-config").getData().get("collector.properties")));
        return properties;
    }

    /** Quarkus reads config/application.properties under the working directory (/deployments) over the packaged one. */
    private static void assertMountsAsApplicationProperties(Deployment deployment, String key) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(candidate -> candidate.getMountPath().equals("/deployments/config")).findFirst().orElseThrow();
        Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(candidate -> candidate.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertEquals(key, volume.getConfigMap().getItems().get(0).getKey());
        assertEquals("application.properties", volume.getConfigMap().getItems().get(0).getPath());
    }
}

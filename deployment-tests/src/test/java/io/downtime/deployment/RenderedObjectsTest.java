package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every object the chart renders is a valid object of its type; the default install has everything the issue lists. */
class RenderedObjectsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void everyObjectParsesAsItsTypeWithNoUnknownField(ValuesFile values) {
        List<HasMetadata> objects = HelmChart.render(values).all();
        assertFalse(objects.isEmpty());
        for (HasMetadata object : objects) {
            assertTrue(object.getMetadata().getName().length() <= 63, object.getMetadata().getName());
            assertEquals("dp", object.getMetadata().getLabels().get("app.kubernetes.io/instance"),
                    () -> object.getKind() + " " + object.getMetadata().getName() + " lacks the chart's labels");
        }
    }

    @Test
    void theDefaultInstallHasEveryPart() {
        RenderedObjects objects = HelmChart.render(ValuesFile.DEFAULTS);
        assertEquals(4, objects.all(Deployment.class).size());
        assertEquals(4, objects.all(Service.class).size());
        assertEquals(4, objects.all(ServiceMonitor.class).size());
        assertEquals(4, objects.all(NetworkPolicy.class).size());
        assertEquals(1, objects.all(PrometheusRule.class).size());
        assertEquals(1, objects.all(ServiceAccount.class).size());
        assertEquals(2, objects.all(PersistentVolumeClaim.class).size(), "the registry and the collector's journal");
        assertEquals(1, objects.all(PodDisruptionBudget.class).size());
        assertEquals(1, objects.all(ConfigMap.class).stream()
                .filter(map -> !map.getMetadata().getLabels().containsKey("grafana_dashboard")).count());
    }

    /** Without a token the Secret is a pre-install hook, which helm-java's template leaves out; with one it is plain. */
    @Test
    void theAdminTokenSecretHoldsTheGivenToken() {
        Secret secret = HelmChart.render(ValuesFile.DEFAULTS, Map.of("adminToken.value", "s3cret")).all(Secret.class).get(0);
        assertEquals("dp-downtime-predictor-admin-token", secret.getMetadata().getName());
        assertEquals("s3cret", new String(Base64.getDecoder().decode(secret.getData().get("admin-token"))));
        assertTrue(HelmChart.render(ValuesFile.DEFAULTS, Map.of("adminToken.existingSecret", "mine")).all(Secret.class)
                .isEmpty());
    }

    @Test
    void aMisspeltFieldIsRejected() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replica: 2
                """;
        AssertionError error = assertThrows(AssertionError.class, () -> RenderedObjects.parse(deployment));
        assertTrue(error.getMessage().contains("replica"), error.getMessage());
    }

    @Test
    void aMisplacedFieldOfAMonitoringTypeIsRejected() {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: web
                spec:
                  endpoints:
                    - port: http
                      metricsPath: /q/metrics
                """;
        AssertionError error = assertThrows(AssertionError.class, () -> RenderedObjects.parse(monitor));
        assertTrue(error.getMessage().contains("metricsPath"), error.getMessage());
    }
}

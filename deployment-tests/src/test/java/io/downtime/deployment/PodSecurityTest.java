package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every pod meets the restricted Pod Security Standard, is probed on Quarkus' health endpoints and has resources. */
class PodSecurityTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void everyPodIsRestrictedProbedAndSized(ValuesFile values) {
        for (Deployment deployment : HelmChart.render(values).all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            assertEquals(Boolean.TRUE, podSecurity.getRunAsNonRoot(), name);
            assertTrue(podSecurity.getRunAsUser() > 0, name);
            assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType(), name);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name);
            for (Container container : pod.getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), name);
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), name);
                assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name);
                assertTrue(security.getCapabilities().getAdd().isEmpty(), name);
                assertNull(security.getPrivileged(), name);
                assertProbes("/q/health/live", container.getLivenessProbe(), name);
                assertProbes("/q/health/ready", container.getReadinessProbe(), name);
                assertNotNull(container.getResources().getRequests().get("cpu"), name);
                assertNotNull(container.getResources().getRequests().get("memory"), name);
                assertNotNull(container.getResources().getLimits().get("memory"), name);
                // The root filesystem is read-only; the JVM needs a writable /tmp.
                String tmp = container.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow(() -> new AssertionError(name + " has no /tmp")).getName();
                assertNotNull(volume(pod, tmp).getEmptyDir(), name);
            }
        }
    }

    @Test
    void thePredictorKeepsItsRegistryOnTheClaimAndIsReplacedNotRolled() {
        RenderedObjects objects = HelmChart.render(ValuesFile.DEFAULTS);
        Deployment predictor = objects.named(Deployment.class, "dp-downtime-predictor-predictor");
        PodSpec pod = predictor.getSpec().getTemplate().getSpec();
        PersistentVolumeClaim claim = objects.named(PersistentVolumeClaim.class, "dp-downtime-predictor-registry");
        assertEquals(claim.getMetadata().getName(), volume(pod, "registry").getPersistentVolumeClaim().getClaimName());
        assertEquals("/var/lib/downtime-predictor/registry", pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals("registry")).findFirst().orElseThrow().getMountPath());
        // A ReadWriteOnce volume attaches to one node: the old pod must release it before the new one starts.
        assertEquals("Recreate", predictor.getSpec().getStrategy().getType());
    }

    @Test
    void theCollectorKeepsItsIncidentJournalOnItsClaimAndIsReplacedNotRolled() {
        RenderedObjects objects = HelmChart.render(ValuesFile.DEFAULTS);
        Deployment collector = objects.named(Deployment.class, "dp-downtime-predictor-collector");
        PodSpec pod = collector.getSpec().getTemplate().getSpec();
        PersistentVolumeClaim claim = objects.named(PersistentVolumeClaim.class, "dp-downtime-predictor-collector");
        assertEquals(claim.getMetadata().getName(), volume(pod, "data").getPersistentVolumeClaim().getClaimName());
        String mountPath = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(mount -> mount.getName().equals("data")).findFirst().orElseThrow().getMountPath();
        String properties = objects.named(ConfigMap.class, "dp-downtime-predictor-config")
                .getData().get("collector.properties");
        assertTrue(properties.contains("collector.alertmanager.journal=" + mountPath + "/"),
                "the journal is on the claim: " + properties);
        assertEquals("Recreate", collector.getSpec().getStrategy().getType());
    }

    @Test
    void theAutoscalerScalesThePredictorAndTheBudgetCoversItsPods() {
        RenderedObjects objects = HelmChart.render(ValuesFile.ci("scaled-values.yaml"));
        Deployment predictor = objects.named(Deployment.class, "dp-downtime-predictor-predictor");
        HorizontalPodAutoscaler autoscaler = objects.all(HorizontalPodAutoscaler.class).get(0);
        assertEquals(predictor.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertNull(predictor.getSpec().getReplicas(), "the autoscaler owns the replica count");
        assertEquals("RollingUpdate", predictor.getSpec().getStrategy() == null ? "RollingUpdate"
                : predictor.getSpec().getStrategy().getType());
        PodDisruptionBudget budget = objects.all(PodDisruptionBudget.class).get(0);
        Map<String, String> podLabels = predictor.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()));
        assertTrue(HelmChart.render(ValuesFile.DEFAULTS).all(HorizontalPodAutoscaler.class).isEmpty());
    }

    private static void assertProbes(String path, Probe probe, String deployment) {
        assertNotNull(probe, deployment + " probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath(), deployment);
        assertEquals("http", probe.getHttpGet().getPort().getStrVal(), deployment);
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(volume -> volume.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}

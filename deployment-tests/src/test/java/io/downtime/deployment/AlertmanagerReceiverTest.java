package io.downtime.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.AlertmanagerConfig;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.Matcher;
import io.fabric8.openshift.api.model.monitoring.v1alpha1.WebhookConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AlertmanagerConfig that sends the outage alerts to the collector's webhook, as the chart renders it. */
class AlertmanagerReceiverTest {

    private static final Map<String, String> ON = Map.of("collector.alertmanager.receiver.enabled", "true",
            "collector.alertmanager.alertNames[0]", "InstanceDown", "collector.alertmanager.alertNames[1]", "NodeDown",
            "collector.alertmanager.receiver.labels.alertmanagerConfig", "kps");

    @Test
    void isRenderedOnlyWhenAskedFor() {
        assertTrue(HelmChart.render(ValuesFile.DEFAULTS).all(AlertmanagerConfig.class).isEmpty());
        assertEquals(1, HelmChart.render(ValuesFile.DEFAULTS, ON).all(AlertmanagerConfig.class).size());
    }

    @Test
    void routesTheOutageAlertsToTheCollectorsWebhookWithTheAdminToken() {
        RenderedObjects objects = HelmChart.render(ValuesFile.DEFAULTS, ON);
        AlertmanagerConfig config = objects.all(AlertmanagerConfig.class).get(0);
        assertEquals("kps", config.getMetadata().getLabels().get("alertmanagerConfig"), "selectable by the Alertmanager");
        Matcher names = config.getSpec().getRoute().getMatchers().get(0);
        assertEquals(List.of("alertname", "=~", "InstanceDown|NodeDown"),
                List.of(names.getName(), names.getMatchType(), names.getValue()));
        assertEquals(config.getSpec().getRoute().getReceiver(), config.getSpec().getReceivers().get(0).getName());

        WebhookConfig webhook = config.getSpec().getReceivers().get(0).getWebhookConfigs().get(0);
        Service collector = objects.named(Service.class, "dp-downtime-predictor-collector");
        assertEquals("http://" + collector.getMetadata().getName() + "." + HelmChart.NAMESPACE + ".svc:"
                + collector.getSpec().getPorts().get(0).getPort() + "/ingest/alertmanager", webhook.getUrl());
        assertTrue(webhook.getSendResolved(), "resolved notifications close the incidents");

        EnvVar token = objects.named(Deployment.class, "dp-downtime-predictor-collector").getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals("DOWNTIME_ADMIN_TOKEN")).findFirst().orElseThrow();
        assertEquals("Bearer", webhook.getHttpConfig().getAuthorization().getType());
        assertEquals(token.getValueFrom().getSecretKeyRef().getName(),
                webhook.getHttpConfig().getAuthorization().getCredentials().getName(), "the collector's own token");
        assertEquals(token.getValueFrom().getSecretKeyRef().getKey(),
                webhook.getHttpConfig().getAuthorization().getCredentials().getKey());
    }

    @Test
    void theCollectorCountsTheSameAlertNames() {
        String properties = HelmChart.render(ValuesFile.DEFAULTS, ON).named(ConfigMap.class,
                "dp-downtime-predictor-config").getData().get("collector.properties");
        assertTrue(properties.contains("collector.alertmanager.alert-names=InstanceDown,NodeDown"), properties);
    }
}

package io.downtime.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart's dashboard ConfigMaps carry exactly the JSON of grafana/dashboards, for Grafana's sidecar to load. */
class ChartShipsDashboardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theChartShipsExactlyTheDashboardsOfTheGrafanaDirectory() throws IOException {
        Map<String, String> shipped = new TreeMap<>();
        for (ConfigMap map : dashboardMaps(Map.of())) {
            assertEquals("Downtime Predictor", map.getMetadata().getAnnotations().get("grafana_folder"));
            assertEquals(1, map.getData().size(), map.getMetadata().getName() + " holds one dashboard");
            shipped.putAll(map.getData());
        }
        Map<String, String> sources = new TreeMap<>();
        for (Path file : DashboardsTest.dashboards().toList()) {
            sources.put(file.getFileName().toString(), Files.readString(file));
        }
        assertEquals(sources.keySet(), shipped.keySet());
        for (Map.Entry<String, String> source : sources.entrySet()) {
            assertEquals(JSON.readTree(source.getValue()), JSON.readTree(shipped.get(source.getKey())), source.getKey());
        }
    }

    @Test
    void dashboardsGoToTheNamespaceGrafanaWatches() {
        for (ConfigMap map : dashboardMaps(Map.of("grafana.dashboards.namespace", "monitoring"))) {
            assertEquals("monitoring", map.getMetadata().getNamespace());
        }
        assertTrue(dashboardMaps(Map.of("grafana.dashboards.enabled", "false")).isEmpty());
    }

    private static List<ConfigMap> dashboardMaps(Map<String, String> set) {
        return HelmChart.render(ValuesFile.DEFAULTS, set).all(ConfigMap.class).stream()
                .filter(map -> "1".equals(map.getMetadata().getLabels().get("grafana_dashboard")))
                .toList();
    }
}

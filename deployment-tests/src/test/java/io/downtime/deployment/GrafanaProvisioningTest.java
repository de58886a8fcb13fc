package io.downtime.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A standalone Grafana provisioned from grafana/provisioning gets a Prometheus data source and the dashboards. */
class GrafanaProvisioningTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theDataSourceIsTheDefaultPrometheus() throws IOException {
        JsonNode file = YAML.readTree(Project.path("grafana/provisioning/datasources/downtime-predictor.yaml").toFile());
        assertEquals(1, file.path("apiVersion").asInt());
        JsonNode datasource = file.path("datasources").get(0);
        assertEquals("prometheus", datasource.path("type").asText());
        assertTrue(datasource.path("isDefault").asBoolean());
        assertTrue(datasource.path("url").asText().startsWith("http://"));
    }

    @Test
    void theDashboardProviderReadsTheDashboardsDirectory() throws IOException {
        JsonNode file = YAML.readTree(Project.path("grafana/provisioning/dashboards/downtime-predictor.yaml").toFile());
        assertEquals(1, file.path("apiVersion").asInt());
        JsonNode provider = file.path("providers").get(0);
        assertEquals("file", provider.path("type").asText());
        String path = provider.path("options").path("path").asText();
        assertTrue(path.startsWith("/"), path);
        // The README tells where to put grafana/dashboards; both must name the same directory.
        assertTrue(Files.readString(Project.path("README.md")).contains(path), "README.md names " + path);
    }
}

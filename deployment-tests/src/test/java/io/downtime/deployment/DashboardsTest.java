package io.downtime.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboards of grafana/dashboards work in any Grafana: the data source is a variable, the uid is fixed, and
 * every expression uses only variables the dashboard declares. (DashboardQueriesIT in system-tests runs every
 * expression against a real Prometheus.)
 */
class DashboardsTest {

    static final Path DIRECTORY = Project.path("grafana/dashboards");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    /** Variables Grafana itself defines. */
    private static final Set<String> BUILT_IN = Set.of("__rate_interval", "__interval", "__interval_ms", "__range",
            "__range_s", "__range_ms");
    private static final JsonNode DATASOURCE = JSON.createObjectNode().put("type", "prometheus").put("uid", "${datasource}");

    static Stream<Path> dashboards() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thereIsOneDashboardPerSubjectWithItsOwnUid() throws IOException {
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards().toList()) {
            uids.add(JSON.readTree(file.toFile()).path("uid").asText());
        }
        assertEquals(Set.of("downtime-fleet-risk", "downtime-instance", "downtime-model-health",
                "downtime-service-health"), uids);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void theDataSourceIsTheDatasourceVariableEverywhere(Path file) throws IOException {
        JsonNode dashboard = JSON.readTree(file.toFile());
        JsonNode datasource = variable(dashboard, "datasource");
        assertEquals("datasource", datasource.path("type").asText());
        assertEquals("prometheus", datasource.path("query").asText());
        for (JsonNode panel : panels(dashboard)) {
            if (panel.has("targets")) {
                assertEquals(DATASOURCE, panel.path("datasource"), panel.path("title").asText());
                for (JsonNode target : panel.path("targets")) {
                    assertEquals(DATASOURCE, target.path("datasource"), panel.path("title").asText());
                    assertFalse(target.path("expr").asText().isBlank(), panel.path("title") + " has no expression");
                }
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                assertEquals(DATASOURCE, variable.path("datasource"), variable.path("name").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void everyVariableAnExpressionUsesIsDeclaredBeforeIt(Path file) throws IOException {
        JsonNode dashboard = JSON.readTree(file.toFile());
        Set<String> declared = new HashSet<>(BUILT_IN);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                assertUsesOnly(declared, variable.path("query").path("query").asText());
            }
            declared.add(variable.path("name").asText());
        }
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                assertUsesOnly(declared, target.path("expr").asText());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void riskDashboardsChooseInstanceAndHorizon(Path file) throws IOException {
        JsonNode dashboard = JSON.readTree(file.toFile());
        if (!dashboard.toString().contains("downtime_probability")) {
            return;
        }
        assertTrue(variable(dashboard, "horizon").path("query").path("query").asText().contains("downtime_probability"));
        assertTrue(variable(dashboard, "instance").path("query").path("query").asText().contains("$horizon"));
    }

    private static void assertUsesOnly(Set<String> declared, String expression) {
        Matcher matcher = VARIABLE.matcher(expression);
        while (matcher.find()) {
            assertTrue(declared.contains(matcher.group(1)), "$" + matcher.group(1) + " is not declared: " + expression);
        }
    }

    static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError(dashboard.path("title").asText() + " has no variable " + name);
    }

    /** Every panel, including those inside rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }
}

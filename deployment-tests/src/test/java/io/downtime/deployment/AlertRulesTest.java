package io.downtime.deployment;

import io.downtime.stub.SystemTool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PrometheusRule as rendered with the default values, given to real promtool: its expressions must pass
 * {@code promtool check rules} and its alerts must behave as the unit tests in {@code alerts-test.yaml} say.
 */
class AlertRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");

    private static List<RuleGroup> groups;

    @TempDir
    Path directory;

    @BeforeAll
    static void render() {
        groups = HelmChart.render(ValuesFile.DEFAULTS).all(PrometheusRule.class).get(0).getSpec().getGroups();
    }

    @Test
    void everyExpressionPassesPromtoolCheckRules() throws Exception {
        promtool("check", "rules", writeRuleFile().toString());
    }

    @Test
    void everyAlertBehavesAsItsUnitTestExpects() throws Exception {
        writeRuleFile();
        Path tests = directory.resolve("alerts-test.yaml");
        try (InputStream resource = getClass().getResourceAsStream("/alerts-test.yaml")) {
            Files.copy(resource, tests);
        }
        promtool("test", "rules", tests.toString());
    }

    @Test
    void everyAlertHasAUnitTestThatSeesItFire() throws IOException {
        JsonNode tests;
        try (InputStream resource = getClass().getResourceAsStream("/alerts-test.yaml")) {
            tests = YAML.readTree(resource);
        }
        Set<String> fired = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode expectation : test.path("alert_rule_test")) {
                if (!expectation.path("exp_alerts").isEmpty()) {
                    fired.add(expectation.path("alertname").asText());
                }
            }
        }
        assertEquals(alerts().stream().map(Rule::getAlert).collect(Collectors.toCollection(TreeSet::new)), fired);
    }

    @Test
    void everyAlertHasSeveritySummaryDescriptionAndItsRunbookSection() throws IOException {
        String runbook = Files.readString(HelmChart.DIRECTORY.resolve("RUNBOOK.md"));
        List<Rule> alerts = alerts();
        assertFalse(alerts.isEmpty());
        for (Rule alert : alerts) {
            String name = alert.getAlert();
            assertTrue(SEVERITIES.contains(alert.getLabels().get("severity")), name + " severity");
            assertFalse(alert.getAnnotations().getOrDefault("summary", "").isBlank(), name + " summary");
            assertFalse(alert.getAnnotations().getOrDefault("description", "").isBlank(), name + " description");
            assertTrue(alert.getAnnotations().getOrDefault("runbook_url", "").endsWith("RUNBOOK.md#" + name.toLowerCase()),
                    name + " runbook_url " + alert.getAnnotations().get("runbook_url"));
            assertTrue(runbook.contains("\n## " + name + "\n"), "RUNBOOK.md has no section '## " + name + "'");
        }
    }

    private static List<Rule> alerts() {
        return groups.stream().flatMap(group -> group.getRules().stream()).filter(rule -> rule.getAlert() != null)
                .toList();
    }

    /** The rule groups as a Prometheus rule file, alerts.yaml, which alerts-test.yaml loads. */
    private Path writeRuleFile() throws IOException {
        Path file = directory.resolve("alerts.yaml");
        Files.writeString(file, RuleFile.of(groups));
        return file;
    }

    static void promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(SystemTool.require("promtool", "prometheus").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + ":\n" + output);
    }
}

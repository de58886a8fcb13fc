package io.downtime.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A PrometheusRule's groups as a plain Prometheus rule file (what {@code rule_files} loads). */
final class RuleFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private RuleFile() {
    }

    static String of(List<RuleGroup> groups) {
        List<Map<String, Object>> fileGroups = new ArrayList<>();
        for (RuleGroup group : groups) {
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Rule rule : group.getRules()) {
                Map<String, Object> fileRule = new LinkedHashMap<>();
                fileRule.put("alert", rule.getAlert());
                fileRule.put("expr", rule.getExpr().getStrVal());
                fileRule.put("for", rule.getFor());
                if (rule.getKeepFiringFor() != null) {
                    fileRule.put("keep_firing_for", rule.getKeepFiringFor());
                }
                fileRule.put("labels", rule.getLabels());
                fileRule.put("annotations", rule.getAnnotations());
                rules.add(fileRule);
            }
            Map<String, Object> fileGroup = new LinkedHashMap<>();
            fileGroup.put("name", group.getName());
            fileGroup.put("rules", rules);
            fileGroups.add(fileGroup);
        }
        try {
            return YAML.writeValueAsString(Map.of("groups", fileGroups));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

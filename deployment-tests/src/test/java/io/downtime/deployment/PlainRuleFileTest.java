package io.downtime.deployment;

import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The alert rules have one source, the chart's PrometheusRule template. {@code prometheus/downtime-predictor.rules.yml}
 * is that template rendered for a Prometheus outside Kubernetes (the local one of {@code bin/up --prometheus}, which
 * labels the services' series as release {@value #RELEASE} in namespace {@value #NAMESPACE} would be): this test fails
 * when the committed file is not what the chart renders. {@code -Ddowntime.rules.write=true} rewrites it.
 */
class PlainRuleFileTest {

    static final String RELEASE = "downtime-predictor";
    static final String NAMESPACE = "local";
    static final Path FILE = Project.path("prometheus/downtime-predictor.rules.yml");
    private static final String HEADER = """
            # The alert rules of Downtime Predictor for a plain Prometheus (rule_files), rendered from the chart's
            # PrometheusRule template (helm/downtime-predictor/templates/prometheusrule.yaml) with its default values for
            # release "%s" in namespace "%s": the services' series must carry job="%s-<service>"
            # and namespace="%s", as bin/up --prometheus labels them. Do not edit: change the template and run
            #   mvn -pl deployment-tests test -Dtest=PlainRuleFileTest -Ddowntime.rules.write=true
            """.formatted(RELEASE, NAMESPACE, RELEASE, NAMESPACE);

    @Test
    void theCommittedRuleFileIsWhatTheChartRenders() throws Exception {
        String rendered = HEADER + RuleFile.of(RenderedObjects.parse(HelmChart.template(RELEASE, NAMESPACE,
                ValuesFile.DEFAULTS, Map.of())).all(PrometheusRule.class).get(0).getSpec().getGroups());
        if (Boolean.getBoolean("downtime.rules.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, rendered);
        }
        assertEquals(rendered, Files.exists(FILE) ? Files.readString(FILE) : "", FILE + " differs from the chart's "
                + "rules; run this test with -Ddowntime.rules.write=true and review the difference");
        AlertRulesTest.promtool("check", "rules", FILE.toString());
    }
}

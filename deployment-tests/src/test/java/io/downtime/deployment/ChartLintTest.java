package io.downtime.deployment;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Helm's own linter in strict mode (a warning fails) passes with the default values and every example values file. */
class ChartLintTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.downtime.deployment.ValuesFile#all")
    void lintsStrictlyWithoutFindings(ValuesFile values) throws Exception {
        LintResult result = HelmChart.lint(values);
        assertFalse(result.isFailed(), () -> "helm lint --strict with " + values + ":\n"
                + String.join("\n", result.getMessages()));
    }
}

package io.downtime.deployment;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;

class ChartLintTest {

    static java.util.stream.Stream<ValuesFile> valuesFiles() {
        return ValuesFile.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void lintsStrictlyWithoutFindings(ValuesFile values) throws Exception {
        LintResult result = HelmChart.lint(values);
        assertFalse(result.isFailed(), () -> "helm lint --strict with " + values + ":\n"
                + String.join("\n", result.getMessages()));
    }
}

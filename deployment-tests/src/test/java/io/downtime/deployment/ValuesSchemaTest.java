package io.downtime.deployment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values.schema.json makes Helm refuse values that would install a broken system, naming the value. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "predictor.replica | 2 | replica",
            "collector.source | replay | source",
            "collector.replicas | 2 | replicas",
            "collector.shard | the first of four | shard",
            "predictor.horizon | one hour | horizon",
            "predictor.algorithm | gradient-boosting | algorithm",
            "predictor.replicas | 0 | replicas",
            "predictor.persistence.accessModes[0] | ReadOnlyMany | accessModes",
            "prometheus.release | '' | release",
            "prometheus.serviceMonitor.interval | often | interval",
            "web.serviceType | Ingress | serviceType",
            "imagePullPolicy | Sometimes | imagePullPolicy",
            "alerts.runbookUrl | RUNBOOK.md | runbookUrl",
            "alerts.notScoringSeconds | -1 | notScoringSeconds",
            "collector.prometheus.url | prometheus:9090 | url",
            "networkPolicy.enabled | yes-please | enabled",
    })
    void helmRefuses(String key, String value, String named) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> HelmChart.template(ValuesFile.DEFAULTS, Map.of(key, value.equals("''") ? "" : value)));
        assertTrue(error.getMessage().contains("schema") && error.getMessage().contains(named), error.getMessage());
    }

    /** Several predictors share the registry: only a ReadWriteMany volume (or none) lets them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "predictor.replicas=2",
            "predictor.autoscaling.enabled=true",
    })
    void morePredictorsNeedASharedRegistry(String setting) {
        String[] keyValue = setting.split("=");
        assertThrows(IllegalStateException.class,
                () -> HelmChart.template(ValuesFile.DEFAULTS, Map.of(keyValue[0], keyValue[1])));
        assertDoesNotThrow(() -> HelmChart.template(ValuesFile.DEFAULTS, Map.of(keyValue[0], keyValue[1],
                "predictor.persistence.accessModes[0]", "ReadWriteMany")));
        assertDoesNotThrow(() -> HelmChart.template(ValuesFile.DEFAULTS, Map.of(keyValue[0], keyValue[1],
                "predictor.persistence.enabled", "false")));
    }
}

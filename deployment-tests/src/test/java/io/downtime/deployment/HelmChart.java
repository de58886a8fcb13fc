package io.downtime.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The chart {@code helm/downtime-predictor}, linted and rendered by real Helm (embedded by helm-java). */
final class HelmChart {

    static final Path DIRECTORY = Project.path("helm/downtime-predictor");
    static final String RELEASE = "dp";
    static final String NAMESPACE = "downtime";
    /** Helm renders for Kubernetes 1.20 unless told otherwise; the chart needs 1.25 or later. */
    static final String KUBERNETES_VERSION = "1.31.0";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HelmChart() {
    }

    /** {@code helm template dp helm/downtime-predictor --namespace downtime [-f values] [--set key=value ...]}. */
    static String template(ValuesFile values, Map<String, String> set) {
        return template(RELEASE, NAMESPACE, values, set);
    }

    /** {@code helm template <release> helm/downtime-predictor --namespace <namespace> [-f values] [--set ...]}. */
    static String template(String release, String namespace, ValuesFile values, Map<String, String> set) {
        TemplateCommand command = new Helm(DIRECTORY).template().withName(release).withNamespace(namespace)
                .withKubeVersion(KUBERNETES_VERSION);
        if (values.file() != null) {
            command = command.withValuesFile(values.file());
        }
        for (Map.Entry<String, String> entry : set.entrySet()) {
            command = command.set(entry.getKey(), entry.getValue());
        }
        return command.call();
    }

    static String template(ValuesFile values) {
        return template(values, Map.of());
    }

    static RenderedObjects render(ValuesFile values, Map<String, String> set) {
        return RenderedObjects.parse(template(values, set));
    }

    static RenderedObjects render(ValuesFile values) {
        return render(values, Map.of());
    }

    /**
     * {@code helm lint --strict [-f values]}. helm-java lints a chart with its own values.yaml only, so other values
     * are linted on a copy of the chart whose values.yaml is the defaults overlaid with them, as {@code -f} would.
     */
    static LintResult lint(ValuesFile values) throws IOException {
        if (values.file() == null) {
            return new Helm(DIRECTORY).lint().strict().call();
        }
        Path copy = Files.createTempDirectory("chart").resolve(DIRECTORY.getFileName());
        try (Stream<Path> files = Files.walk(DIRECTORY, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(DIRECTORY.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        ObjectNode merged = (ObjectNode) YAML.readTree(DIRECTORY.resolve("values.yaml").toFile());
        overlay(merged, YAML.readTree(values.file().toFile()));
        YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
        return new Helm(copy).lint().strict().call();
    }

    /** Helm's merge of values: maps merge key by key, anything else is replaced. */
    private static void overlay(ObjectNode base, JsonNode overlay) {
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            JsonNode current = base.get(field.getKey());
            if (current instanceof ObjectNode object && field.getValue().isObject()) {
                overlay(object, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}

package io.downtime.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The images' Dockerfiles (no container engine here to build them): a JVM image of Quarkus' fast-jar layout that
 * runs as the non-root user the chart expects, listening on the service's port; the predictor's carries libgomp1.
 */
class DockerfilesTest {

    private static final Pattern USER = Pattern.compile("(?m)^USER (\\d+)$");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE (\\d+)$");
    private static final Pattern PORT = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"collector-service, collector", "feature-service, features", "predictor-service, predictor",
            "web-frontend, web"})
    void theImageRunsTheQuarkusAppAsTheChartsNonRootUser(String module, String component) throws IOException {
        String dockerfile = Files.readString(Project.path(module + "/src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.lines().anyMatch(line -> line.startsWith("FROM ")), "a base image");
        for (String part : List.of("lib/", "app/", "quarkus/", "quarkus-run.jar")) {
            assertTrue(dockerfile.contains("COPY target/quarkus-app/" + part + " "), "copies target/quarkus-app/" + part);
        }
        assertTrue(dockerfile.contains("WORKDIR /deployments"), "the chart mounts config/ under /deployments");
        assertTrue(dockerfile.contains("\"-jar\", \"/deployments/quarkus-run.jar\""), "runs quarkus-run.jar");

        Matcher user = USER.matcher(dockerfile);
        assertTrue(user.find(), "a numeric USER, so that runAsNonRoot can verify it");
        int uid = Integer.parseInt(user.group(1));
        assertTrue(uid > 0, "not root");
        var values = new ObjectMapper(new YAMLFactory()).readTree(HelmChart.DIRECTORY.resolve("values.yaml").toFile());
        assertEquals(values.path("podSecurityContext").path("runAsUser").asInt(), uid);
        assertTrue(values.path(component).path("image").path("repository").asText().endsWith("/" + module));

        Matcher expose = EXPOSE.matcher(dockerfile);
        Matcher port = PORT.matcher(Files.readString(Project.path(module + "/src/main/resources/application.properties")));
        assertTrue(expose.find() && port.find());
        assertEquals(port.group(1), expose.group(1));

        // xgboost4j's native library needs the OpenMP runtime; only the predictor trains.
        assertEquals(module.equals("predictor-service"), dockerfile.contains("libgomp1"));
    }
}

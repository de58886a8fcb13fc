package io.downtime.system;

import io.downtime.stub.SystemTool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI documents the services write at build time pass a standard linter's recommended rules without an error:
 * Spectral (from npm) with {@code spectral:oas}, the ruleset in {@code .spectral.yaml}.
 */
class OpenApiLintIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String SPECTRAL = "@stoplight/spectral-cli@6";

    @Test
    void everyServicesDocumentPassesTheRecommendedRules() throws IOException, InterruptedException {
        Path npx = SystemTool.require("npx", "npm");
        List<String> command = new ArrayList<>(List.of(npx.toString(), "--yes", SPECTRAL, "lint",
                "--ruleset", ROOT.resolve(".spectral.yaml").toString(), "--fail-severity", "error"));
        for (String service : List.of("collector-service", "feature-service", "predictor-service")) {
            Path document = ROOT.resolve(service).resolve("target/openapi/openapi.json");
            assertTrue(Files.isRegularFile(document), document + " is missing; package the services first");
            command.add(document.toString());
        }
        Path log = Files.createTempFile("spectral", ".log");
        Process lint = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(lint.waitFor(5, TimeUnit.MINUTES), "spectral did not finish in 5 minutes");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, lint.exitValue(), "the OpenAPI documents have errors:\n" + output);
        assertTrue(output.contains("0 errors") || output.contains("No results"), output);
    }
}

package io.downtime.system;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first hour of a new user, as they run it: {@code bin/up} on a clone (its own data directory), the admin token
 * made and printed, the admin operations closed without it, every algorithm on the Models page.
 */
class BinUpIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> ALGORITHMS = List.of("xgboost", "random-forest", "svm", "logistic",
            "static-threshold", "linear-extrapolation");

    @Test
    void binUpMakesATokenClosesTheAdminOperationsAndComparesEveryAlgorithm() throws Exception {
        Path token = ROOT.resolve("data").resolve("admin-token");
        // A developer's own token is put aside for the run and back afterwards; a clean clone has none.
        Path kept = Files.exists(token) ? Files.move(token, Files.createTempFile("admin-token", ".kept"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING) : null;
        Path log = Files.createTempFile("bin-up", ".log");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin/up").toString()).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("DOWNTIME_ADMIN_TOKEN");
        Process up = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("Press Ctrl-C to stop.")) {
                assertTrue(up.isAlive(), "bin/up stopped:\n" + Files.readString(log, StandardCharsets.UTF_8));
                assertTrue(Instant.now().isBefore(deadline), "bin/up not ready:\n" + Files.readString(log));
                Thread.sleep(500);
            }
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(printed.contains("Created an admin token in data/admin-token."), printed);
            assertTrue(printed.contains("Authorization: Bearer $(cat data/admin-token)"), printed);
            assertTrue(printed.contains("Listening on    127.0.0.1"), printed);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(token), "the token is readable by its owner only");
            String secret = Files.readString(token).strip();
            assertEquals(40, secret.length());

            assertEquals(401, post("/models/train", null), "no token, no training");
            assertEquals(401, post("/models/train", "not-" + secret));

            Instant comparedBy = Instant.now().plus(Duration.ofMinutes(5));
            String models = "";
            while (!listsEvery(models)) {
                Thread.sleep(1000);
                models = get("http://127.0.0.1:8080/models");
                assertTrue(Instant.now().isBefore(comparedBy), "not every algorithm on the Models page:\n" + models);
            }
            assertTrue(models.contains("<strong>champion</strong>"));
        } finally {
            stop(up);
            if (kept != null) {
                Files.move(kept, token, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static boolean listsEvery(String models) {
        return ALGORITHMS.stream().allMatch(algorithm -> models.contains("<td>" + algorithm));
    }

    private static int post(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083" + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Ctrl-C as a user gives it: bin/up stops its services; anything left is ended too. */
    private static void stop(Process up) throws InterruptedException {
        List<ProcessHandle> children = up.descendants().toList();
        up.destroy();
        if (!up.waitFor(30, TimeUnit.SECONDS)) {
            up.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.destroy();
        }
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 20, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }
}

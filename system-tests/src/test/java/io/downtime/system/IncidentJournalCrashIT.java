package io.downtime.system;

import io.downtime.stub.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collector is killed with SIGKILL while notifications arrive, three times over: after each restart on the same
 * journal, every incident whose notification was answered 200 is there, and the collector starts (the journal is
 * never left damaged).
 */
class IncidentJournalCrashIT {

    private static final int CRASHES = 3;

    @Test
    void killingTheCollectorWhileAlertsArriveLosesNoAcknowledgedIncident() throws Exception {
        Path journal = Files.createTempDirectory("incidents").resolve("incidents.journal");
        Map<String, String> properties = Map.of("collector.simulator.servers", "3", "collector.simulator.history", "10m",
                "collector.alertmanager.journal", journal.toString());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int next = 0;
        for (int crash = 0; crash < CRASHES; crash++) {
            ServiceProcess collector = PackagedService.start("collector-service", properties);
            try {
                collector.awaitReady(Duration.ofSeconds(60));
                assertTrue(declaredInstances(collector).containsAll(acknowledged),
                        "after crash " + crash + " every acknowledged incident is back");
                AtomicBoolean sending = new AtomicBoolean(true);
                int first = next;
                Thread sender = new Thread(() -> {
                    for (int n = first; sending.get(); n++) {
                        String instance = "crash-" + n;
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                            URI.create(collector.url() + "/ingest/alertmanager"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(notification(instance, n))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                acknowledged.add(instance);
                            }
                        } catch (Exception e) {
                            return; // the collector is gone
                        }
                    }
                });
                sender.start();
                long before = acknowledged.size();
                Instant deadline = Instant.now().plusSeconds(20);
                while (acknowledged.size() < before + 50 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                collector.kill();
                sending.set(false);
                sender.join(10_000);
                next = first + 100_000;
                assertTrue(acknowledged.size() >= before + 50, "notifications were answered before the kill");
            } finally {
                collector.close();
            }
        }
        ServiceProcess collector = PackagedService.start("collector-service", properties);
        try {
            collector.awaitReady(Duration.ofSeconds(60));
            Set<String> declared = declaredInstances(collector);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(declared);
            assertTrue(lost.isEmpty(), lost.size() + " acknowledged incidents lost, e.g. " + lost.stream().limit(5).toList());
        } finally {
            collector.close();
        }
    }

    private static Set<String> declaredInstances(ServiceProcess collector) {
        List<String> instances = given().baseUri(collector.url()).get("/incidents").then().statusCode(200).extract()
                .path("findAll { it.source == 'alertmanager' }.instance");
        return new HashSet<>(instances);
    }

    private static String notification(String instance, int n) {
        return """
                {"version": "4", "status": "firing", "receiver": "downtime-predictor", "groupKey": "{}",
                 "alerts": [{"status": "firing", "labels": {"alertname": "InstanceDown", "instance": "%s"},
                             "annotations": {}, "startsAt": "2026-12-01T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                             "fingerprint": "f%x"}]}""".formatted(instance, n);
    }
}

package io.downtime.system;

import io.downtime.stub.SystemTool;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** A real Alertmanager (Debian package {@code prometheus-alertmanager}) on a free loopback port, not clustered. */
final class AlertmanagerServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AlertmanagerServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Alertmanager with {@code config} (YAML) and waits until it is ready. */
    static AlertmanagerServer start(String config) throws IOException, InterruptedException {
        Path binary = SystemTool.require("prometheus-alertmanager", "prometheus-alertmanager");
        Path home = Files.createTempDirectory("alertmanager");
        Files.writeString(home.resolve("alertmanager.yml"), config);
        int port = FreePorts.next();
        Path log = Path.of(System.getProperty("user.dir"), "target", "system-tests", "alertmanager-" + port + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + home.resolve("alertmanager.yml"),
                "--storage.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerServer server = new AlertmanagerServer(process, port, log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String url() {
        return "http://" + address();
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("alertmanager exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
                connection.setConnectTimeout(1000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("alertmanager not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

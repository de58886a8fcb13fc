package io.downtime.system;

import io.downtime.stub.SystemTool;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server of the Prometheus project from its Debian package, Prometheus or Alertmanager, on a free loopback
 * port with its own config and storage, ready when {@code /-/ready} answers 200.
 */
final class PrometheusServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PrometheusServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Prometheus (Debian package {@code prometheus}) with {@code config} (YAML). */
    static PrometheusServer start(String config) throws IOException, InterruptedException {
        return start("prometheus", config, (home, port) -> List.of("--config.file=" + home.resolve("config.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port));
    }

    /** Starts Alertmanager (Debian package {@code prometheus-alertmanager}), not clustered, with {@code config}. */
    static PrometheusServer alertmanager(String config) throws IOException, InterruptedException {
        return start("prometheus-alertmanager", config, (home, port) -> List.of(
                "--config.file=" + home.resolve("config.yml"), "--storage.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="));
    }

    /** The command-line flags of a server in {@code home} on {@code port}. */
    @FunctionalInterface
    private interface Flags {
        List<String> of(Path home, int port);
    }

    private static PrometheusServer start(String tool, String config, Flags flags)
            throws IOException, InterruptedException {
        Path binary = SystemTool.require(tool, tool);
        Path home = Files.createTempDirectory(tool);
        Files.writeString(home.resolve("config.yml"), config);
        int port = FreePorts.next();
        Path log = Path.of(System.getProperty("user.dir"), "target", "system-tests", tool + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(flags.of(home, port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(tool, process, port, log);
        server.awaitReady(Duration.ofSeconds(60));
        return server;
    }

    /** {@code host:port}, as a scrape or alerting target names it. */
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
                throw new AssertionError(name + " exited with " + process.exitValue() + "; see " + log);
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
        throw new AssertionError(name + " not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

package io.downtime.stub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its runnable jar as a real {@code java -jar} process, on its own port, logging to a file:
 * the system tests' services and the benchmarks' are started, awaited, measured and stopped by this one class.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedNanos;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedNanos = System.nanoTime();
    }

    /**
     * Starts {@code jar} on {@code port} with a heap of at most {@code heap} ({@code 384m}) and these system
     * properties, its output to {@code log}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Path log, Map<String, String> properties,
                                       String heap) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; package the services first (bin/test does)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** The runnable jar a Quarkus module's build leaves in its directory {@code module}. */
    public static Path packagedJar(Path module) {
        return module.resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** System properties written {@code key=value}, as a map in their order. */
    public static Map<String, String> properties(List<String> keyValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String keyValue : keyValues) {
            int equals = keyValue.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("a system property is key=value, was '" + keyValue + "'");
            }
            properties.put(keyValue.substring(0, equals), keyValue.substring(equals + 1));
        }
        return properties;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String url(String path) {
        return url() + path;
    }

    /** Waits until {@code /q/health/ready} answers 200; returns the seconds since start. */
    public double awaitReady(Duration timeout) throws InterruptedException {
        return awaitStatus200("/q/health/ready", timeout);
    }

    /**
     * Waits until {@code path} answers 200; returns the seconds since start. Throws naming the log when the process
     * ends or is not ready in time.
     */
    public double awaitStatus200(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** What it has logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Resident memory now and at its peak (Linux {@code /proc}). */
    public Memory memory() throws IOException {
        double rss = 0;
        double peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kibibytes(line) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                peak = kibibytes(line) / 1024.0;
            }
        }
        return new Memory(rss, peak);
    }

    /** Resident memory, in MiB. */
    public record Memory(double rssMiB, double peakRssMiB) {
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** Kills the process with SIGKILL, as a crash or the kernel's OOM killer would, and waits for it to end. */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
    }

    /** Stops it with SIGTERM, then SIGKILL if it has not ended within 20 seconds. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

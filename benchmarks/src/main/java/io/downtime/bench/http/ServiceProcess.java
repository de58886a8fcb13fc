package io.downtime.bench.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One service started from its runnable jar, on its own port, logging to a file. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    private final long startedNanos;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = System.nanoTime();
    }

    /** Starts {@code jar} with the system properties {@code properties} ({@code key=value}). */
    static ServiceProcess start(String name, Path jar, int port, Path log, List<String> properties, String heap)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dquarkus.http.port=" + port));
        properties.forEach(p -> command.add("-D" + p));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ServiceProcess(name, port, process);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Waits until {@code path} answers 200; returns the seconds since start. */
    double awaitStatus200(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped with exit code " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see its log");
    }

    /** Resident memory now and at its peak, in MiB (Linux /proc). */
    Memory memory() throws IOException {
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

    record Memory(double rssMiB, double peakRssMiB) {
    }

    private static long kibibytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

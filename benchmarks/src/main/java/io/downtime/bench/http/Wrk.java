package io.downtime.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maximum throughput with {@code wrk} (Debian package): as many requests as the connections can carry. */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /** POSTs {@code body} (JSON) to {@code url} for {@code seconds} over {@code connections} connections. */
    static LoadResult post(String url, Path body, int connections, int seconds, Path workDir)
            throws IOException, InterruptedException {
        Path script = workDir.resolve(body.getFileName() + ".lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                local file = io.open("%s", "rb")
                wrk.body = file:read("*a")
                file:close()
                """.formatted(body.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"")));
        String output = Commands.run(List.of("wrk", "-t", "2", "-c", Integer.toString(connections),
                "-d", seconds + "s", "--latency", "-s", script.toString(), url));
        return parse(output);
    }

    static LoadResult parse(String output) {
        double[] latency = Commands.p50AndP99(PERCENTILE.matcher(output),
                m -> millis(Double.parseDouble(m.group(2)), m.group(3)));
        long errors = Commands.longOf(NON_2XX, output, 0);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new LoadResult(Commands.doubleOf(RATE, output), latency[0], latency[1],
                Commands.longOf(TOTAL, output, 0), errors);
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}

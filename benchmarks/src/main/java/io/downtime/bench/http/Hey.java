package io.downtime.bench.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Latency at a fixed request rate with {@code hey} (Debian package): a steady load, not the maximum. */
final class Hey {

    /** Workers sharing the rate; each sends at most rate/WORKERS requests per second. */
    static final int WORKERS = 10;

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("(50|99)%+ in ([0-9.]+) secs");
    private static final Pattern STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern ERROR = Pattern.compile("^\\s+\\[(\\d+)]\\s+(?!responses)", Pattern.MULTILINE);

    private Hey() {
    }

    /** POSTs {@code body} (JSON) to {@code url} at {@code rate} requests per second for {@code seconds}. */
    static LoadResult post(String url, Path body, int rate, int seconds) throws IOException, InterruptedException {
        String output = Commands.run(List.of("hey", "-z", seconds + "s", "-c", Integer.toString(WORKERS),
                "-q", Double.toString(rate / (double) WORKERS), "-m", "POST", "-T", "application/json",
                "-D", body.toString(), url));
        return parse(output);
    }

    static LoadResult parse(String output) {
        double[] latency = Commands.p50AndP99(PERCENTILE.matcher(output), m -> Double.parseDouble(m.group(2)) * 1000);
        long requests = 0;
        long errors = 0;
        Matcher status = STATUS.matcher(output);
        while (status.find()) {
            long count = Long.parseLong(status.group(2));
            requests += count;
            if (!status.group(1).startsWith("2")) {
                errors += count;
            }
        }
        int errorSection = output.indexOf("Error distribution:");
        if (errorSection >= 0) {
            Matcher error = ERROR.matcher(output.substring(errorSection));
            while (error.find()) {
                errors += Long.parseLong(error.group(1));
            }
        }
        return new LoadResult(Commands.doubleOf(RATE, output), latency[0], latency[1], requests, errors);
    }
}

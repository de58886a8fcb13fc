package io.downtime.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the load generators and reads numbers out of what they print. */
final class Commands {

    private Commands() {
    }

    /** Runs {@code command} to its end and returns what it printed; fails on a non-zero exit. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(command.get(0) + " exited with " + exit + ":\n" + output);
        }
        return output;
    }

    static double doubleOf(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("no '" + pattern + "' in:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /**
     * The median and 99th percentile of a latency distribution: {@code matcher} finds each percentile line with the
     * percentile in group 1 ({@code 50}, {@code 99}, others ignored) and {@code millis} reads its latency.
     */
    static double[] p50AndP99(Matcher matcher, ToDoubleFunction<Matcher> millis) {
        double[] p50AndP99 = {Double.NaN, Double.NaN};
        while (matcher.find()) {
            switch (matcher.group(1)) {
                case "50" -> p50AndP99[0] = millis.applyAsDouble(matcher);
                case "99" -> p50AndP99[1] = millis.applyAsDouble(matcher);
                default -> {
                }
            }
        }
        return p50AndP99;
    }

    static long longOf(Pattern pattern, String output, long otherwise) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : otherwise;
    }
}

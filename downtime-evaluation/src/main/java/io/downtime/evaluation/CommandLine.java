package io.downtime.evaluation;

import io.downtime.models.Algorithm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options of a command, refusing unknown ones and ones given without a value. */
final class CommandLine {

    /** A wrong command line: the message says what, the command prints its usage after it. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** What a command does with its arguments. */
    @FunctionalInterface
    interface Body {
        void run(String[] args) throws IOException, InterruptedException;
    }

    private final Map<String, String> options = new HashMap<>();

    /**
     * Runs a command's body as a {@code main} should: a wrong command line exits with 2 after the usage, any other
     * failure with 1 after its message, each prefixed with the command's name.
     */
    static void exitOnFailure(String command, String usage, String[] args, Body body) {
        try {
            body.run(args);
        } catch (UsageException e) {
            System.err.println(command + ": " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            System.err.println(command + ": " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        }
    }

    /** The ids of every algorithm, for usage texts. */
    static List<String> algorithmIds() {
        return Arrays.stream(Algorithm.values()).map(Algorithm::id).toList();
    }

    CommandLine(String[] args, Set<String> known) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new UsageException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException("option " + name + " needs a value");
            }
            options.put(name.substring(2), args[++i]);
        }
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
    }

    /** A positive whole number of minutes, or the default. */
    long minutes(String name, long defaultMinutes) {
        String value = options.get(name);
        if (value == null) {
            return defaultMinutes;
        }
        try {
            long minutes = Long.parseLong(value);
            if (minutes < 1 || minutes > 10_080) {
                throw new UsageException("--" + name + " must be between 1 and 10080 minutes, was " + value);
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes minutes as a plain number (e.g. 30), was '" + value + "'");
        }
    }

    double number(String name, double defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            double number = Double.parseDouble(value);
            if (!(number >= 0) || Double.isInfinite(number)) {
                throw new UsageException("--" + name + " must be a number of at least 0, was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + value + "'");
        }
    }

    /** The algorithms named by {@code --algorithms}, every one by default. */
    List<Algorithm> algorithms() {
        String value = options.get("algorithms");
        return value == null ? List.of(Algorithm.values())
                : Arrays.stream(value.split(",")).map(Algorithm::of).toList();
    }
}

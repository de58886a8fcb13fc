package io.downtime.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole command on a small dataset in the SMD layout, written here: servers whose incidents have precursors. */
class EvaluateCommandTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeDataset() throws IOException {
        for (String sub : List.of("train", "test", "test_label")) {
            Files.createDirectories(dir.resolve("data").resolve(sub));
        }
        for (int machine = 1; machine <= 3; machine++) {
            writeMachine(dir.resolve("data"), "machine-" + machine, machine);
        }
    }

    /** Three signals; before each incident the first climbs for 20 minutes. */
    private static void writeMachine(Path data, String name, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int trainRows = 1_500;
        int testRows = 3_000;
        List<String> labels = new ArrayList<>();
        try (Writer train = gzip(data.resolve("train").resolve(name + ".txt.gz"));
             Writer test = gzip(data.resolve("test").resolve(name + ".txt.gz"))) {
            for (int t = 0; t < trainRows; t++) {
                train.write(row(random, 0));
            }
            int nextIncident = 200 + random.nextInt(150);
            for (int t = 0; t < testRows; t++) {
                int untilIncident = nextIncident - t;
                boolean down = untilIncident <= 0 && untilIncident > -15;
                double ramp = untilIncident > 0 && untilIncident <= 20 ? (20 - untilIncident) / 4.0 : down ? 5 : 0;
                test.write(row(random, ramp));
                labels.add(down ? "1" : "0");
                if (untilIncident <= -15) {
                    nextIncident = t + 200 + random.nextInt(150);
                }
            }
        }
        Files.write(data.resolve("test_label").resolve(name + ".txt"), labels);
    }

    private static String row(SplittableRandom random, double ramp) {
        return String.format(java.util.Locale.ROOT, "%.4f,%.4f,%.4f%n", 0.3 + 0.05 * random.nextGaussian() + ramp * 0.1,
                0.5 + 0.05 * random.nextGaussian(), 0.2 + 0.05 * random.nextGaussian());
    }

    private static Writer gzip(Path file) throws IOException {
        OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Test
    void writesTheReportOfTheContractWithEveryModelAndBaseline() throws IOException {
        Path report = dir.resolve("out").resolve("report.json");
        EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data", dir.resolve("data").toString(),
                "--report", report.toString(), "--algorithms", "xgboost,logistic,static-threshold,linear-extrapolation",
                "--features", "all"});

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals(List.of("dataset", "horizon_minutes", "entities", "models"), fields(json));
        assertEquals("smd", json.get("dataset").asText());
        assertEquals(30, json.get("horizon_minutes").asInt());
        assertEquals(3, json.get("entities").size());
        assertEquals(4, json.get("models").size());
        for (JsonNode model : json.get("models")) {
            assertEquals(List.of("name", "pr_auc", "roc_auc", "accuracy", "precision", "recall", "f1",
                    "event_recall", "early_recall", "median_lead_minutes", "false_alarms_per_day", "alarm_time_share",
                    "train_seconds", "score_micros_per_row", "mean_server_pr_auc", "mean_server_event_recall",
                    "mean_server_false_alarms_per_day", "max_server_false_alarms_per_day", "servers"), fields(model),
                    "the contract's fields first, then the per-server figures");
            assertEquals(3, model.get("servers").size(), "one entry per tested server");
            for (JsonNode server : model.get("servers")) {
                assertEquals(List.of("entity", "pr_auc", "event_recall", "incidents", "false_alarms_per_day"),
                        fields(server));
            }
        }
        JsonNode xgboost = json.get("models").get(0);
        assertEquals("xgboost", xgboost.get("name").asText());
        assertTrue(xgboost.get("pr_auc").asDouble() > 0.5, "the precursor makes incidents predictable: " + xgboost);
        assertTrue(xgboost.get("early_recall").asDouble() > 0.5, "most incidents are warned of early: " + xgboost);
        assertTrue(Files.readString(dir.resolve("out").resolve("report.md")).contains("| xgboost |"));
        assertTrue(Files.readString(dir.resolve("out").resolve("report-pr.svg")).startsWith("<svg"));
    }

    @Test
    void trainsOnSomeServersAndTestsOnOthers() throws IOException {
        Path other = dir.resolve("other");
        for (String sub : List.of("train", "test", "test_label")) {
            Files.createDirectories(other.resolve(sub));
        }
        writeMachine(other, "machine-9", 9);
        EvaluationReport report = EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data",
                dir.resolve("data").toString(), "--test-data", other.toString(), "--report",
                dir.resolve("across.json").toString(), "--algorithms", "xgboost", "--features", "relative"});
        assertEquals(List.of("machine-9"), report.entities());
        assertTrue(report.models().get(0).eventRecall() > 0.5, "unseen server: " + report.models().get(0));
    }

    @Test
    void leavesTheNamedServersOutOfTrainingAndReportsEachOfThem() throws IOException {
        EvaluationReport report = EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data",
                dir.resolve("data").toString(), "--test-entities", "machine-2,machine-3", "--report",
                dir.resolve("left-out.json").toString(), "--algorithms", "xgboost,static-threshold"});
        assertEquals(List.of("machine-2", "machine-3"), report.entities());
        for (ModelResult model : report.models()) {
            assertEquals(List.of("machine-2", "machine-3"),
                    model.servers().stream().map(ModelResult.Server::name).toList());
            int incidents = model.servers().stream().mapToInt(s -> s.quality().events().incidents()).sum();
            assertEquals(model.quality().events().incidents(), incidents, "the servers' incidents add up");
            assertTrue(model.worstServerFalseAlarmsPerDay() >= model.meanOverServers(q -> q.falseAlarmsPerDay()));
        }
        double prAuc = report.models().get(0).quality().prAuc();
        assertTrue(prAuc > 0.5, "the precursor carries over to servers left out: PR-AUC " + prAuc);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("left-out.json").toFile());
        assertEquals("machine-2", json.at("/models/0/servers/0/entity").asText());
        assertTrue(Files.readString(dir.resolve("left-out.md")).contains("| mean over servers |"));
    }

    @Test
    void explainsAWrongCommandLine() {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class,
                () -> EvaluateCommand.run(new String[]{"--dataset", "smd", "--report", "x.json"}));
        assertEquals("option --train-data is required", e.getMessage());
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "xyz",
                "--train-data", ".", "--report", "x.json"}));
        assertTrue(e.getMessage().contains("unknown dataset format 'xyz'"), e.getMessage());
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data", ".", "--report", "x.json",
                        "--horizon", "30m"}));
        assertEquals("--horizon takes minutes as a plain number (e.g. 30), was '30m'", e.getMessage());
        String data = dir.resolve("data").toString();
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "smd",
                "--train-data", data, "--report", "x.json", "--test-entities", "machine-1,machine-7"}));
        assertTrue(e.getMessage().contains("[machine-7]") && e.getMessage().contains("machine-1"), e.getMessage());
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "smd",
                "--train-data", data, "--report", "x.json", "--test-entities", "machine-1", "--test-data", data}));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "smd",
                "--train-data", data, "--report", "x.json", "--thresholds", "global"}));
        assertTrue(e.getMessage().contains("'global'"), e.getMessage());
        e = assertThrows(CommandLine.UsageException.class, () -> EvaluateCommand.run(new String[]{"--dataset", "smd",
                "--train-data", data, "--report", "x.json", "--features", "best"}));
        assertTrue(e.getMessage().contains("'best'"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data", "no/such/dir",
                        "--report", "x.json"}));
        assertTrue(missing.getMessage().contains("no/such/dir"), missing.getMessage());
    }

    @Test
    void usageNamesEveryOptionAndAlgorithm() {
        String usage = EvaluateCommand.usage();
        for (String option : List.of("--dataset", "--train-data", "--test-data", "--horizon", "--report")) {
            assertTrue(usage.contains(option), option);
        }
        assertTrue(usage.contains("linear-extrapolation"), usage);
        assertTrue(usage.contains("last 40 % test"), usage);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}

package io.downtime.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole pipeline on SMD's real incident labels with metric values replaced by random noise: nothing in the values
 * says where the incidents are, so any model that finds them reads the labels some other way (a leak). Every model's
 * PR-AUC must stay near the share of positive rows. The control plants the labels in one signal and must be found, so
 * the check cannot pass because the pipeline finds nothing at all.
 */
class NoiseWithRealLabelsTest {

    private static final Path SMD = Path.of(System.getProperty("user.dir")).getParent().getParent()
            .resolve("shared/datasets/smd");
    private static final List<String> MACHINES = List.of("machine-1-2", "machine-1-3", "machine-1-4");
    private static final int SIGNALS = 3;
    /** The first labelled rows of each machine (about 2 weeks, several incidents each). */
    private static final int LABELLED_ROWS = 20_000;

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsTheSharedDatasets() {
        if (!Files.isDirectory(SMD.resolve("test_label"))) {
            String message = "the SMD labels are not at " + SMD + " (the shared datasets beside the project)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            org.junit.jupiter.api.Assumptions.abort(message);
        }
    }

    @Test
    void noiseWithTheRealLabelsFindsNothing() throws IOException {
        Path data = write("noise", 0);
        EvaluationReport report = EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data",
                data.toString(), "--report", dir.resolve("noise.json").toString(), "--features", "all"});
        double share = positiveShare(report);
        for (ModelResult model : report.models()) {
            double prAuc = model.quality().prAuc();
            assertTrue(prAuc < 1.5 * share + 0.03, model.name() + " finds incidents in noise: PR-AUC " + prAuc
                    + " with " + share + " of the rows positive");
        }
    }

    @Test
    void controlTheSameLabelsPlantedInOneSignalAreFound() throws IOException {
        Path data = write("planted", 3);
        EvaluationReport report = EvaluateCommand.run(new String[]{"--dataset", "smd", "--train-data",
                data.toString(), "--report", dir.resolve("planted.json").toString(), "--algorithms", "xgboost",
                "--features", "all"});
        for (ModelResult model : report.models()) {
            assertTrue(model.quality().prAuc() > 0.5, model.name() + " misses a planted incident signal: "
                    + model.quality().prAuc());
        }
    }

    private static double positiveShare(EvaluationReport report) {
        var quality = report.models().get(0).quality();
        return (double) quality.validationPositives() / quality.validationRows();
    }

    /** SMD's layout with the real labels of three machines; each value is noise, plus {@code shift} in incidents. */
    private static Path write(String name, double shift) throws IOException {
        Path data = dir.resolve(name);
        for (String sub : List.of("train", "test", "test_label")) {
            Files.createDirectories(data.resolve(sub));
        }
        SplittableRandom random = new SplittableRandom(17);
        for (String machine : MACHINES) {
            List<String> labels = Files.readAllLines(SMD.resolve("test_label").resolve(machine + ".txt")).stream()
                    .filter(line -> !line.isBlank()).limit(LABELLED_ROWS).toList();
            try (Writer train = gzip(data.resolve("train").resolve(machine + ".txt.gz"));
                 Writer test = gzip(data.resolve("test").resolve(machine + ".txt.gz"))) {
                for (int t = 0; t < 3_000; t++) {
                    train.write(row(random, 0));
                }
                for (String label : labels) {
                    test.write(row(random, label.strip().equals("1") ? shift : 0));
                }
            }
            Files.write(data.resolve("test_label").resolve(machine + ".txt"), labels);
        }
        return data;
    }

    private static String row(SplittableRandom random, double shift) {
        StringBuilder row = new StringBuilder();
        for (int s = 0; s < SIGNALS; s++) {
            double value = 0.5 + 0.1 * random.nextGaussian() + (s == 0 ? shift * 0.1 : 0);
            row.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.5f", value));
        }
        return row.append('\n').toString();
    }

    private static Writer gzip(Path file) throws IOException {
        return new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8);
    }
}

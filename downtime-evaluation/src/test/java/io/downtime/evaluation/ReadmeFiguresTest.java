package io.downtime.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's model-quality table is its reports' figures: each row that names a report ({@code [`smd-unseen`](...)})
 * shows, per model in the table's column order, the report's pooled PR-AUC (3 decimals), event recall (3 decimals)
 * and worst tested server's false alarms per day (1 decimal). A re-run report with other figures fails this until
 * README is regenerated from it.
 */
class ReadmeFiguresTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> COLUMNS = List.of("xgboost", "random-forest", "svm", "logistic",
            "static-threshold", "linear-extrapolation");
    private static final Pattern ROW = Pattern.compile("^\\| [^|]*\\(\\[`([a-z0-9-]+)`]\\(docs/evaluation/\\1\\.md\\)\\) \\|(.*)\\|$");
    private static final Pattern CELL = Pattern.compile("\\s*\\**([0-9.]+)\\** \\(([0-9.]+), ([0-9.]+)\\)\\s*");

    @Test
    void everyRowOfTheQualityTableIsItsReportsFigures() throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String report = row.group(1);
            rows.add(report);
            JsonNode models = new ObjectMapper().readTree(ROOT.resolve("docs/evaluation/" + report + ".json").toFile())
                    .path("models");
            String[] cells = row.group(2).split("\\|");
            assertEquals(COLUMNS.size(), cells.length, report + ": one cell per model");
            for (int i = 0; i < COLUMNS.size(); i++) {
                Matcher cell = CELL.matcher(cells[i]);
                assertTrue(cell.matches(), report + ": '" + cells[i] + "' is not 'PR-AUC (event recall, false alarms)'");
                JsonNode model = model(models, COLUMNS.get(i));
                String expected = String.format(Locale.ROOT, "%.3f (%.3f, %.1f)", model.path("pr_auc").asDouble(),
                        model.path("event_recall").asDouble(), model.path("max_server_false_alarms_per_day").asDouble());
                String shown = cell.group(1) + " (" + cell.group(2) + ", " + cell.group(3) + ")";
                if (!expected.equals(shown)) {
                    wrong.add(report + " / " + COLUMNS.get(i) + ": README " + shown + ", report " + expected);
                }
            }
        }
        assertEquals(List.of("smd-unseen", "asd-unseen", "asd-unseen-omi-1-3", "asd-unseen-omi-4-5", "smd", "asd"), rows, "the rows that name their report");
        assertEquals(List.of(), wrong, "README.md disagrees with docs/evaluation");
    }

    private static JsonNode model(JsonNode models, String name) {
        for (JsonNode model : models) {
            if (model.path("name").asText().equals(name)) {
                return model;
            }
        }
        throw new AssertionError("no model " + name + " in the report");
    }
}

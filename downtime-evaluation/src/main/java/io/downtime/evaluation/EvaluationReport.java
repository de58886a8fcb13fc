package io.downtime.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.downtime.models.ModelQuality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The report of one evaluation: JSON exactly as DESIGN.md's contract, a Markdown summary and an SVG of the
 * precision-recall curves next to it. Figures that are undefined (no incident to catch, no positive row) are null.
 *
 * @param dataset         smd, asd or nab
 * @param horizonMinutes  the horizon
 * @param entities        the entities tested on
 * @param rowLevel        false where row-level AUCs mean little (NAB: few incidents, univariate); they are then null
 * @param description     how the rows were split, for the summary
 * @param models          one result per model and baseline
 */
record EvaluationReport(String dataset, long horizonMinutes, List<String> entities, boolean rowLevel,
                        String description, List<ModelResult> models) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", dataset);
        root.put("horizon_minutes", horizonMinutes);
        ArrayNode names = root.putArray("entities");
        entities.forEach(names::add);
        ArrayNode array = root.putArray("models");
        for (ModelResult model : models) {
            ObjectNode node = array.addObject();
            node.put("name", model.name());
            put(node, "pr_auc", rowLevel ? model.quality().prAuc() : null);
            put(node, "roc_auc", rowLevel ? model.quality().rocAuc() : null);
            put(node, "accuracy", model.quality().accuracy());
            put(node, "precision", model.quality().precision());
            put(node, "recall", model.quality().recall());
            put(node, "f1", model.quality().f1());
            put(node, "event_recall", model.eventRecall());
            put(node, "early_recall", model.earlyRecall());
            put(node, "median_lead_minutes", model.medianLeadMinutes());
            put(node, "false_alarms_per_day", model.quality().falseAlarmsPerDay());
            put(node, "alarm_time_share", model.quality().alarmTimeShare());
            put(node, "train_seconds", model.quality().trainSeconds());
            put(node, "score_micros_per_row", model.scoreMicrosPerRow());
            put(node, "mean_server_pr_auc", rowLevel ? model.meanOverServers(ModelQuality::prAuc) : null);
            put(node, "mean_server_event_recall", model.meanOverServers(q -> nan(q.events().eventRecall())));
            put(node, "mean_server_false_alarms_per_day", model.meanOverServers(ModelQuality::falseAlarmsPerDay));
            put(node, "max_server_false_alarms_per_day", model.worstServerFalseAlarmsPerDay());
            ArrayNode servers = node.putArray("servers");
            for (ModelResult.Server server : model.servers()) {
                ObjectNode s = servers.addObject();
                s.put("entity", server.name());
                put(s, "pr_auc", rowLevel ? server.quality().prAuc() : null);
                put(s, "event_recall", server.quality().events().eventRecall());
                s.put("incidents", server.quality().events().incidents());
                put(s, "false_alarms_per_day", server.quality().falseAlarmsPerDay());
            }
        }
        return root;
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static void put(ObjectNode node, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** Writes the JSON to {@code file}, and the summary and curves next to it ({@code .md}, {@code .svg}). */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, JSON.writeValueAsBytes(json()));
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path svg = parent.resolve(base + "-pr.svg");
        Files.writeString(svg, PrCurves.svg(models), StandardCharsets.UTF_8);
        Files.writeString(parent.resolve(base + ".md"), markdown(svg.getFileName().toString()), StandardCharsets.UTF_8);
    }

    String markdown(String svgName) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(dataset.toUpperCase(Locale.ROOT)).append(": horizon ").append(horizonMinutes)
                .append(" min\n\n").append(description).append("\n\nTested on ").append(entities.size())
                .append(" entities: ").append(String.join(", ", entities)).append(".\n\n");
        md.append("| model | PR-AUC | ROC-AUC | event recall | early recall | median lead (min) | false alarms/day "
                + "| alarm time | precision | recall | F1 | train (s) | µs/row |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ModelResult m : models) {
            md.append("| ").append(m.name()).append(m.learned() ? "" : " (baseline)")
                    .append(" | ").append(rowLevel ? number(m.quality().prAuc()) : "–")
                    .append(" | ").append(rowLevel ? number(m.quality().rocAuc()) : "–")
                    .append(" | ").append(number(m.eventRecall()))
                    .append(" | ").append(number(m.earlyRecall()))
                    .append(" | ").append(number(m.medianLeadMinutes()))
                    .append(" | ").append(number(m.quality().falseAlarmsPerDay()))
                    .append(" | ").append(number(m.quality().alarmTimeShare()))
                    .append(" | ").append(number(m.quality().precision()))
                    .append(" | ").append(number(m.quality().recall()))
                    .append(" | ").append(number(m.quality().f1()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", m.quality().trainSeconds()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", m.scoreMicrosPerRow()))
                    .append(" |\n");
        }
        md.append("\nIncidents in the test rows: ").append(models.isEmpty() ? 0 : models.get(0).quality().events().incidents())
                .append(". Every figure is on the test rows; none of their labels chose anything.\n");
        md.append(perServer());
        if (rowLevel) {
            md.append("\n![precision-recall curves](").append(svgName).append(")\n");
        }
        return md.toString();
    }

    /** Each tested server's PR-AUC (event recall, false alarms per day) under every model, and their means. */
    private String perServer() {
        if (models.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nEach tested server alone: ").append(rowLevel ? "PR-AUC " : "")
                .append("(event recall, false alarms per day).\n\n| server | incidents |");
        models.forEach(m -> md.append(' ').append(m.name()).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(models.size())).append('\n');
        List<ModelResult.Server> first = models.get(0).servers();
        for (int s = 0; s < first.size(); s++) {
            md.append("| ").append(first.get(s).name()).append(" | ")
                    .append(first.get(s).quality().events().incidents()).append(" |");
            for (ModelResult m : models) {
                ModelQuality q = m.servers().get(s).quality();
                md.append(' ').append(rowLevel ? number(q.prAuc()) + " " : "").append('(')
                        .append(number(q.events().eventRecall())).append(", ").append(number(q.falseAlarmsPerDay()))
                        .append(") |");
            }
            md.append('\n');
        }
        md.append("| mean over servers | |");
        for (ModelResult m : models) {
            md.append(' ').append(rowLevel ? number(m.meanOverServers(ModelQuality::prAuc)) + " " : "").append('(')
                    .append(number(m.meanOverServers(q -> nan(q.events().eventRecall())))).append(", ")
                    .append(number(m.meanOverServers(ModelQuality::falseAlarmsPerDay))).append(") |");
        }
        return md.append('\n').toString();
    }

    private static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }
}

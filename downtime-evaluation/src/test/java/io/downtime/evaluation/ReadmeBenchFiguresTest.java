package io.downtime.evaluation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's benchmark figures are the published report's ({@code bin/bench --publish} writes docs/bench/report.md):
 * every row of the report's tables is in README.md's Benchmarks section as it is, no other table row is there, and the
 * section names the command that made the report. A new report fails this until README is updated from it.
 */
class ReadmeBenchFiguresTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern MADE_BY = Pattern.compile("^Made by `([^`]+)` on ");

    @Test
    void theBenchmarksSectionQuotesThePublishedReportAndNothingElse() throws IOException {
        List<String> report = Files.readAllLines(ROOT.resolve("docs/bench/report.md"));
        String command = report.stream().map(MADE_BY::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new AssertionError("docs/bench/report.md does not say which command made it"));
        List<String> section = section(Files.readAllLines(ROOT.resolve("README.md")), "## Benchmarks");
        assertTrue(String.join("\n", section).contains("`" + command + "`"),
                "README's Benchmarks section names the command of the report: " + command);
        List<String> missing = new ArrayList<>();
        for (String row : tableRows(report)) {
            if (!section.contains(row)) {
                missing.add(row);
            }
        }
        assertEquals(List.of(), missing, "rows of docs/bench/report.md that README.md's Benchmarks section lacks");
        List<String> invented = new ArrayList<>();
        for (String row : tableRows(section)) {
            if (!report.contains(row)) {
                invented.add(row);
            }
        }
        assertEquals(List.of(), invented, "table rows of README.md's Benchmarks section that no report has");
    }

    /** The lines of the section that starts with {@code heading}, up to the next heading of its level. */
    private static List<String> section(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "README.md has no '" + heading + "'");
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    /** Table rows with figures: not headers' separator lines, not the header rows (those before a separator). */
    private static List<String> tableRows(List<String> lines) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean header = i + 1 < lines.size() && lines.get(i + 1).startsWith("|---");
            if (line.startsWith("| ") && !header) {
                rows.add(line);
            }
        }
        return rows;
    }
}

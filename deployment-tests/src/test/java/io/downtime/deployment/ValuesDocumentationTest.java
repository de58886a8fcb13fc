package io.downtime.deployment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every value in values.yaml is documented by a {@code ##} comment right above it. */
class ValuesDocumentationTest {

    private static final Pattern KEY = Pattern.compile("^\\s*[A-Za-z0-9_.\"/-]+:( .*)?$");

    @Test
    void everyValueHasADocumentationComment() throws IOException {
        List<String> lines = Files.readAllLines(HelmChart.DIRECTORY.resolve("values.yaml"));
        List<String> undocumented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (KEY.matcher(lines.get(i)).matches() && (i == 0 || !lines.get(i - 1).trim().startsWith("##"))) {
                undocumented.add((i + 1) + ": " + lines.get(i));
            }
        }
        assertEquals(List.of(), undocumented);
    }
}

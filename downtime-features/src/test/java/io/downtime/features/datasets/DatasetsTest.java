package io.downtime.features.datasets;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    /** The shared datasets, next to the repository; tests that need them skip when they are absent. */
    private static final Path SHARED = Path.of(System.getProperty("user.dir")).getParent().getParent()
            .resolve("shared").resolve("datasets");

    @TempDir
    Path dir;

    private void gz(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void readsTheServerMachineLayoutWithTestRowsFollowingTrainRows() throws IOException {
        gz(dir.resolve("train/m-1.txt.gz"), "0.1,0.2\n0.3,0.4\n0.5,0.6\n");
        gz(dir.resolve("test/m-1.txt.gz"), "0.7,0.8\n0.9,1.0\n");
        Files.createDirectories(dir.resolve("test_label"));
        Files.writeString(dir.resolve("test_label/m-1.txt"), "0\n1\n");

        Entity entity = Datasets.read("asd", dir).get(0);
        assertEquals("m-1", entity.name());
        assertEquals(List.of("m1", "m2"), entity.test().signals());
        assertEquals(3, entity.train().length());
        assertArrayEquals(new boolean[]{false, false, false}, entity.train().incidents());
        assertArrayEquals(new boolean[]{false, true}, entity.test().incidents());
        assertArrayEquals(new boolean[]{false, false}, entity.test().observedDown(), "a dataset observes no down state");
        assertArrayEquals(new double[]{0.8, 1.0}, entity.test().valuesOf("m2"));
        long fiveMinutes = 300_000;
        assertEquals(entity.train().timestamps()[2] + fiveMinutes, entity.test().timestamps()[0]);
    }

    @Test
    void rejectsLabelsThatDoNotMatchTheTestRows() throws IOException {
        gz(dir.resolve("train/m-1.txt.gz"), "0.1\n");
        gz(dir.resolve("test/m-1.txt.gz"), "0.7\n0.9\n");
        Files.createDirectories(dir.resolve("test_label"));
        Files.writeString(dir.resolve("test_label/m-1.txt"), "0\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Datasets.read("smd", dir));
        assertTrue(error.getMessage().contains("m-1"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Datasets.read("xyz", dir));
        assertThrows(IllegalArgumentException.class, () -> Datasets.read("smd", dir.resolve("missing")));
    }

    @Test
    void readsNabWithIncidentsFromTheLabelToTheEndOfItsWindowAndDropsRowsThatGoBackInTime() throws IOException {
        Files.createDirectories(dir.resolve("data/realKnownCause"));
        Files.writeString(dir.resolve("data/realKnownCause/x.csv"), """
                timestamp,value
                2014-01-01 00:00:00,1
                2014-01-01 00:05:00,2
                2014-01-01 00:05:00,2
                2014-01-01 00:10:00,3
                2014-01-01 00:15:00,4
                2014-01-01 00:20:00,5
                """);
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/combined_labels.json"),
                "{\"realKnownCause/x.csv\": [\"2014-01-01 00:10:00\"]}");
        Files.writeString(dir.resolve("labels/combined_windows.json"),
                "{\"realKnownCause/x.csv\": [[\"2014-01-01 00:05:00.000000\", \"2014-01-01 00:15:00.000000\"]]}");

        Entity entity = Datasets.read("nab", dir).get(0);
        assertEquals("x", entity.name());
        assertEquals(0, entity.train().length());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5}, entity.test().valuesOf("value"));
        assertArrayEquals(new boolean[]{false, false, true, true, false}, entity.test().incidents());
        assertArrayEquals(new boolean[5], entity.test().observedDown(), "a dataset observes no down state");
    }

    @Test
    void readsTheSharedDatasets() {
        if (!Files.isDirectory(SHARED)) {
            String message = "the shared datasets are not at " + SHARED;
            Assertions.assertNull(System.getenv("CI"), message + " (under CI a missing dataset fails, it does not skip)");
            Assumptions.abort(message);
        }
        List<Entity> smd = Datasets.read("smd", SHARED.resolve("smd"));
        assertEquals(7, smd.size());
        assertEquals(38, smd.get(0).test().signals().size());
        assertEquals(smd.get(0).train().length(), smd.get(0).test().length());
        assertEquals(8, Datasets.read("asd", SHARED.resolve("asd")).size());
        List<Entity> nab = Datasets.read("nab", SHARED.resolve("nab"));
        assertEquals(24, nab.size());
        assertTrue(nab.stream().anyMatch(e -> {
            boolean[] down = e.test().incidents();
            for (boolean d : down) {
                if (d) {
                    return true;
                }
            }
            return false;
        }));
    }
}

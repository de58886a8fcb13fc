package io.downtime.featureservice;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSelectionTest {

    @Test
    void rowsStayWithinTheBudgetWhateverTheFleetSize() {
        for (int fleet : new int[]{100, 1_000, 10_000, 100_000}) {
            TrainingSelection selection = TrainingSelection.of(fleet(fleet, 5), 100_000, 42);
            assertTrue(selection.rows() <= 100_000, fleet + " servers: " + selection.rows());
            assertTrue(selection.rows() > 100_000 - 1_440 || selection.instances().size() == fleet,
                    "the budget is used: " + selection.rows());
        }
    }

    @Test
    void instancesWithAnIncidentFillHalfTheBudgetAndTheOthersTheRest() {
        List<TrainingSelection.Candidate> fleet = fleet(10_000, 5);
        TrainingSelection selection = TrainingSelection.of(fleet, 100_000, 42);
        long withIncident = selection.instances().stream().filter(i -> Integer.parseInt(i.substring(4)) % 5 == 0).count();
        assertEquals(34, withIncident, "50,000 rows of 1,440-row servers with an incident");
        assertEquals(69, selection.instances().size());
        assertTrue(selection.description().contains("34 of the 2000 with an incident and 35 of the 8000 without"),
                selection.description());
        assertEquals(selection, TrainingSelection.of(fleet, 100_000, 42), "the same fleet gives the same rows");
    }

    @Test
    void everyInstanceWithAnIncidentIsKeptWhenTheyFitAndOthersFillTheRest() {
        TrainingSelection selection = TrainingSelection.of(fleet(1_000, 200), 100_000, 42);
        long withIncident = selection.instances().stream().filter(i -> Integer.parseInt(i.substring(4)) % 200 == 0).count();
        assertEquals(5, withIncident, "all 5");
        assertEquals(69, selection.instances().size());
    }

    @Test
    void aSmallFleetKeepsEveryRow() {
        TrainingSelection selection = TrainingSelection.of(fleet(20, 3), 100_000, 42);
        assertEquals(20, selection.instances().size());
        assertEquals(20 * 1_440, selection.rows());
        assertEquals("every row of all 20 instances", selection.description());
        assertThrows(IllegalArgumentException.class, () -> TrainingSelection.of(fleet(2, 1), 0, 42));
    }

    /** {@code n} servers of a day of samples each; every {@code incidentEvery}-th had an incident. */
    private static List<TrainingSelection.Candidate> fleet(int n, int incidentEvery) {
        List<TrainingSelection.Candidate> fleet = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fleet.add(new TrainingSelection.Candidate("srv-" + i, 1_440, i % incidentEvery == 0));
        }
        return fleet;
    }
}

package io.downtime.predictor.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.problem.InvalidInputException;

import java.util.Iterator;
import java.util.List;

/** Checks of request bodies read as JSON trees. */
final class JsonObjects {

    private JsonObjects() {
    }

    /** Refuses the first field of {@code object} that is not one of {@code fields}, naming them all. */
    static void refuseUnknownFields(JsonNode object, List<String> fields) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidInputException(name, "unknown field '" + name + "'; the fields are "
                        + String.join(", ", fields));
            }
        }
    }
}

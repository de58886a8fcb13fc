package io.downtime.ceiling;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Iterator;
import java.util.Map;

/**
 * What {@code /predict} costs without the prediction: the same JSON body parsed into a tree and walked (as the
 * predictor's request parser does), and a small JSON answer. {@code bin/bench} loads both side by side.
 */
@Path("/predict")
public class CeilingResource {

    /** The answer: the instance and how many features the body carried. */
    public record Parsed(String instance, int features, double sum) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Parsed parse(JsonNode body) {
        JsonNode features = body.path("features");
        int count = 0;
        double sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = features.fields(); fields.hasNext(); ) {
            sum += fields.next().getValue().asDouble();
            count++;
        }
        return new Parsed(body.path("instance").asText(), count, sum);
    }
}

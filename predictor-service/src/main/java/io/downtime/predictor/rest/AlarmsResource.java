package io.downtime.predictor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.admin.AdminOnly;
import io.downtime.features.ServedId;
import io.downtime.predictor.alarms.Alarm;
import io.downtime.predictor.alarms.AlarmService;
import io.downtime.predictor.alarms.Alarms;
import io.downtime.problem.InvalidInputException;
import io.downtime.problem.ProblemResponses;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.io.IOException;
import java.util.List;

/** The fleet's alarms, and operators' reviews of them: a real problem or a false alarm. */
@Path("/alarms")
@Produces(MediaType.APPLICATION_JSON)
public class AlarmsResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_NOTE = 2000;

    /**
     * A review.
     *
     * @param verdict {@code confirmed} (a real problem) or {@code false-alarm}
     * @param note    optional, at most 2,000 characters
     */
    public record ReviewRequest(Alarm.Verdict verdict, String note) {

        static final List<String> FIELDS = List.of("verdict", "note");

        static ReviewRequest of(byte[] body) {
            JsonNode tree;
            try {
                tree = body == null || body.length == 0 ? null : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new InvalidInputException(null, "not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new InvalidInputException(null, "the body cannot be read: " + e.getMessage());
            }
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException(null, "expected a JSON object like {\"verdict\": \"false-alarm\", "
                        + "\"note\": \"planned maintenance\"}");
            }
            JsonObjects.refuseUnknownFields(tree, FIELDS);
            JsonNode verdict = tree.get("verdict");
            String verdicts = ServedId.ids(Alarm.Verdict.class);
            if (verdict == null || !verdict.isTextual()) {
                throw new InvalidInputException("verdict", "verdict is required: " + verdicts);
            }
            Alarm.Verdict parsed = ServedId.parse(Alarm.Verdict.class, verdict.asText()).orElseThrow(() -> new InvalidInputException("verdict", "verdict must be " + verdicts
                            + ", was '" + verdict.asText() + "'"));
            JsonNode note = tree.get("note");
            if (note != null && !note.isNull() && !note.isTextual()) {
                throw new InvalidInputException("note", "note must be a string");
            }
            String text = note == null || note.isNull() ? "" : note.asText();
            if (text.length() > MAX_NOTE) {
                throw new InvalidInputException("note", "note must be at most " + MAX_NOTE + " characters, was "
                        + text.length());
            }
            return new ReviewRequest(parsed, text);
        }
    }

    private final AlarmService alarms;

    public AlarmsResource(AlarmService alarms) {
        this.alarms = alarms;
    }

    /**
     * @param instance only this instance's alarms
     * @param state    {@code open}, {@code closed}, {@code unreviewed}, {@code confirmed} or {@code false-alarm};
     *                 all when absent
     */
    @GET
    public List<Alarm> list(@QueryParam("instance") String instance, @QueryParam("state") String state) {
        return alarms.list(instance, filter(state));
    }

    /**
     * What operators said of each model version's alarms.
     *
     * @param modelVersion       the registry version that raised them
     * @param confirmed          alarms marked a real problem
     * @param falseAlarms        alarms marked a false alarm
     * @param unreviewed         alarms nobody reviewed yet
     * @param reviewedPrecision  confirmed of reviewed: the precision the reviews imply; null before any review
     */
    public record VersionOutcomes(String modelVersion, long confirmed, long falseAlarms, long unreviewed,
                                  Double reviewedPrecision) {
    }

    @GET
    @Path("outcomes")
    public List<VersionOutcomes> outcomes() {
        return alarms.outcomesByVersion().entrySet().stream()
                .map(e -> new VersionOutcomes(e.getKey(), e.getValue().confirmed(), e.getValue().falseAlarm(),
                        e.getValue().unreviewed(), e.getValue().precision()))
                .toList();
    }

    @GET
    @Path("{id}")
    public Alarm get(@PathParam("id") String id) {
        long number = id(id);
        return alarms.get(number).orElseThrow(() -> new NotFoundException("no alarm " + id));
    }

    /** Marks the alarm a real problem or a false alarm; the next training uses the verdict as its window's label. */
    @POST
    @Path("{id}/review")
    @AdminOnly
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewRequest.class),
            examples = @ExampleObject(name = "false alarm", value = "{\"verdict\": \"false-alarm\", \"note\": "
                    + "\"planned maintenance\"}")))
    public Alarm review(@PathParam("id") String id, byte[] body) {
        long number = id(id);
        ReviewRequest request = ReviewRequest.of(body);
        return alarms.review(number, request.verdict(), request.note())
                .orElseThrow(() -> new NotFoundException("no alarm " + id));
    }

    private static long id(String id) {
        try {
            long number = Long.parseLong(id);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("id", "an alarm id is a positive number, was '" + id + "'");
    }

    private static Alarms.Filter filter(String state) {
        if (state == null || state.isEmpty()) {
            return Alarms.Filter.ALL;
        }
        return ServedId.parse(Alarms.Filter.class, state).filter(chosen -> chosen != Alarms.Filter.ALL)
                .orElseThrow(() -> new InvalidInputException("state", "state must be open, closed, unreviewed, "
                        + "confirmed or false-alarm, was '" + state + "'"));
    }
}

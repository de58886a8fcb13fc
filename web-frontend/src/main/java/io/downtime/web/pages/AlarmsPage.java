package io.downtime.web.pages;

import io.downtime.web.client.Alarm;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet's alarms, and the form that marks one a real problem or a false alarm. */
@Path("/alarms")
public class AlarmsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alarms(List<Alarm> alarms, String state, String back, String problem);
    }

    private final PredictorClient predictor;

    public AlarmsPage(@RestClient PredictorClient predictor) {
        this.predictor = predictor;
    }

    /** The unreviewed alarms of {@code instance} (all instances when null), or empty when the predictor is down. */
    static Optional<List<Alarm>> toReview(PredictorClient predictor, String instance) {
        return Backend.call("predictor-service", () -> predictor.alarms(instance, "unreviewed"));
    }

    /** @param state {@code unreviewed} (default), {@code open}, {@code closed}, {@code confirmed}, {@code false-alarm} or {@code all} */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("state") String state) {
        String shown = state == null || state.isBlank() ? "unreviewed" : state;
        try {
            List<Alarm> alarms = predictor.alarms(null, "all".equals(shown) ? null : shown);
            return Response.ok(Templates.alarms(alarms, shown, "/alarms?state=" + shown, null)).build();
        } catch (RuntimeException e) {
            int status = Backend.status(e) == 400 ? 400 : 200;
            return Response.status(status).entity(Templates.alarms(List.of(), shown, "/alarms",
                    "Alarms are unavailable: " + Backend.problem("predictor-service", e) + ".")).build();
        }
    }

    /**
     * Records the review and goes back to the page it came from.
     *
     * @param back where to go afterwards: a path of this UI
     */
    @POST
    @Path("{id}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("id") long id, @FormParam("verdict") String verdict, @FormParam("note") String note,
                           @FormParam("back") String back) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/alarms";
        try {
            predictor.review(id, Map.of("verdict", verdict == null ? "" : verdict, "note", note == null ? "" : note));
            return Response.seeOther(URI.create(target)).build();
        } catch (RuntimeException e) {
            int status = Backend.status(e) >= 400 && Backend.status(e) < 500 ? Backend.status(e) : 200;
            return Response.status(status).entity(Templates.alarms(
                    Backend.call("predictor-service", () -> predictor.alarms(null, "unreviewed")).orElse(List.of()),
                    "unreviewed", target, "The review was not recorded: " + Backend.problem("predictor-service", e)
                            + ".")).build();
        }
    }
}

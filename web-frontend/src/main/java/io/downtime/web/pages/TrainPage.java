package io.downtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.Map;
import java.util.List;

/** Start a training run and watch it to the end; then its figures next to the champion's. */
@Path("/train")
public class TrainPage {

    /** A run as the page shows it. */
    public record JobView(String id, String state, String phase, int percent, String version, boolean promoted,
                          String error) {

        static JobView of(JsonNode job) {
            JsonNode result = job.path("result");
            return new JobView(job.path("id").asText(), job.path("state").asText(), job.path("phase").asText(),
                    job.path("percent").asInt(), result.path("model").path("version").asText(null),
                    result.path("promoted").asBoolean(), job.path("error").asText(null));
        }

        public boolean running() {
            return "running".equals(state);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance train(JobView job, String problem, List<String> algorithms);
    }

    private final PredictorClient predictor;

    public TrainPage(@RestClient PredictorClient predictor) {
        this.predictor = predictor;
    }

    /** The algorithms the predictor can train, for the form; none when it does not answer (it trains its default). */
    private List<String> algorithms() {
        return Backend.call("predictor-service", predictor::algorithms).orElse(List.of());
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.train(null, null, algorithms());
    }


    @POST
    @Produces(MediaType.TEXT_HTML)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object start(@FormParam("algorithm") String algorithm) {
        try {
            JsonNode job = predictor.train(algorithm == null || algorithm.isEmpty() ? Map.of()
                    : Map.of("algorithm", algorithm));
            return Response.seeOther(URI.create("/train/" + job.path("id").asText())).build();
        } catch (RuntimeException e) {
            return Templates.train(null, "Training could not start: " + Backend.problem("predictor-service", e) + ".",
                    algorithms());
        }
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance job(@PathParam("id") String id) {
        return Backend.call("predictor-service", () -> predictor.job(id))
                .map(job -> Templates.train(JobView.of(job), null, algorithms()))
                .orElseGet(() -> Templates.train(null, "No training job '" + id + "' is known to predictor-service.",
                        algorithms()));
    }

    /** The run's state for the page's script, which updates the progress bar until the run ends. */
    @GET
    @Path("{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public JobView status(@PathParam("id") String id) {
        return JobView.of(predictor.job(id));
    }
}

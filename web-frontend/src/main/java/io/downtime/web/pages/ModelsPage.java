package io.downtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The model registry as a leaderboard: every version's figures, the champion marked, promote and roll back. */
@Path("/models")
public class ModelsPage {

    /** One model version and its validation figures, formatted. */
    public record ModelRow(String version, String algorithm, String horizon, String created, String prAuc,
                           String precision, String recall, String f1, String accuracy, String threshold,
                           String trainingRows, boolean champion) {

        static ModelRow of(JsonNode model, String champion) {
            JsonNode quality = model.path("quality");
            String version = model.path("version").asText();
            return new ModelRow(version, model.path("algorithm").asText(), model.path("horizon").asText(),
                    model.path("createdAt").asText(), figure(quality, "prAuc"), figure(quality, "precision"),
                    figure(quality, "recall"), figure(quality, "f1"), figure(quality, "accuracy"),
                    figure(model, "threshold"), quality.path("trainingRows").asText(), version.equals(champion));
        }

        private static String figure(JsonNode node, String field) {
            JsonNode value = node.path(field);
            return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "–";
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(List<ModelRow> models, String message, String problem);
    }

    private final PredictorClient predictor;

    public ModelsPage(@RestClient PredictorClient predictor) {
        this.predictor = predictor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance models() {
        return render(null);
    }

    @POST
    @Path("{version}/promote")
    @Produces(MediaType.TEXT_HTML)
    public Object promote(@PathParam("version") String version) {
        try {
            predictor.promote(version);
            return Response.seeOther(URI.create("/models")).build();
        } catch (RuntimeException e) {
            return render("Promotion failed: " + Backend.problem("predictor-service", e) + ".");
        }
    }

    @POST
    @Path("rollback")
    @Produces(MediaType.TEXT_HTML)
    public Object rollback() {
        try {
            predictor.rollback();
            return Response.seeOther(URI.create("/models")).build();
        } catch (RuntimeException e) {
            return render("Rollback failed: " + Backend.problem("predictor-service", e) + ".");
        }
    }

    private TemplateInstance render(String message) {
        try {
            String champion = Backend.call("predictor-service", predictor::champion)
                    .map(c -> c.path("version").asText()).orElse("");
            List<ModelRow> rows = predictor.models().stream().map(m -> ModelRow.of(m, champion)).toList();
            return Templates.models(rows, message, null);
        } catch (RuntimeException e) {
            return Templates.models(List.of(), message,
                    "The model registry is unavailable: " + Backend.problem("predictor-service", e) + ".");
        }
    }
}

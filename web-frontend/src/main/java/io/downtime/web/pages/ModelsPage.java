package io.downtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.web.charts.SvgCharts;
import io.downtime.web.client.AlarmOutcomes;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Locale;

/** The model registry as a leaderboard: every version's figures, the champion marked, promote and roll back. */
@Path("/models")
public class ModelsPage {

    /** One model version and its validation figures, formatted. */
    public record ModelRow(String version, String algorithm, String horizon, String created, String createdAgo,
                           String prAuc, String rocAuc,
                           String precision, String recall, String f1, String accuracy, String eventRecall,
                           String earlyRecall, String medianLead, String falseAlarmsPerDay,
                           String threshold, String trainingRows, boolean champion, boolean simulated) {

        static ModelRow of(JsonNode model, String champion, Instant now) {
            JsonNode quality = model.path("quality");
            String version = model.path("version").asText();
            String created = model.path("createdAt").asText();
            String createdAgo;
            try {
                createdAgo = HumanTime.ago(Instant.parse(created), now);
            } catch (DateTimeParseException e) {
                createdAgo = created;
            }
            return new ModelRow(version, model.path("algorithm").asText(), model.path("horizon").asText(),
                    created, createdAgo, figure(quality, "prAuc"), figure(quality, "rocAuc"),
                    figure(quality, "precision"),
                    figure(quality, "recall"), figure(quality, "f1"), figure(quality, "accuracy"),
                    figure(quality.path("events"), "eventRecall"), figure(quality.path("events"), "earlyRecall"),
                    figure(quality.path("events"), "medianLeadMinutes"), figure(quality, "falseAlarmsPerDay"),
                    figure(quality, "threshold"), quality.path("trainingRows").asText(), version.equals(champion),
                    "simulator".equals(model.path("trainedOn").asText()));
        }

        private static String figure(JsonNode node, String field) {
            JsonNode value = node.path(field);
            return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "–";
        }
    }

    /**
     * The figures of one version in depth.
     *
     * @param row        its leaderboard row
     * @param confusion  validation rows at the threshold: true/false positives/negatives
     * @param curve      SVG of its precision-recall curve
     * @param importance SVG of its features' shares of the total gain
     */
    public record Details(ModelRow row, JsonNode confusion, String curve, String importance, String alarmTimeShare,
                          String brier, List<Bin> reliability) {

        /** A bin of the reliability table: predicted probabilities in [from, to), their mean and the observed rate. */
        public record Bin(String range, long rows, String meanPredicted, String observed) {
        }

        static Details of(JsonNode model, String champion, Instant now) {
            List<double[]> points = new ArrayList<>();
            model.path("quality").path("precisionRecall").forEach(p -> points.add(new double[]{p.get(0).asDouble(), p.get(1).asDouble()}));
            List<SvgCharts.Bar> weights = new ArrayList<>();
            model.path("importance").forEach(w -> weights.add(new SvgCharts.Bar(w.path("feature").asText(), w.path("share").asDouble())));
            String version = model.path("version").asText();
            JsonNode quality = model.path("quality");
            List<Bin> bins = new ArrayList<>();
            quality.path("calibration").path("reliability").forEach(b -> bins.add(new Bin(
                    ModelRow.figure(b, "from") + "–" + ModelRow.figure(b, "to"), b.path("rows").asLong(),
                    ModelRow.figure(b, "meanPredicted"), ModelRow.figure(b, "observed"))));
            return new Details(ModelRow.of(model, champion, now), quality.path("confusion"),
                    SvgCharts.precisionRecall(points, "precision-recall curve of model " + version),
                    SvgCharts.shareBars(weights, "feature importance of model " + version),
                    ModelRow.figure(quality, "alarmTimeShare"), ModelRow.figure(quality.path("calibration"), "brier"),
                    bins);
        }

        public long count(String field) {
            return confusion.path(field).asLong();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance models(List<ModelRow> models, List<Details> details, String message, String problem,
                                              boolean simulatedChampion, Map<String, String> reviewed);
    }

    private final PredictorClient predictor;
    private final Clock clock;

    public ModelsPage(@RestClient PredictorClient predictor, Clock clock) {
        this.predictor = predictor;
        this.clock = clock;
    }

    /** @param compare a version to show in depth next to the champion, e.g. a freshly trained challenger */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance models(@QueryParam("compare") String compare) {
        return render(null, compare);
    }

    @POST
    @Path("{version}/promote")
    @Produces(MediaType.TEXT_HTML)
    public Object promote(@PathParam("version") String version) {
        try {
            predictor.promote(version);
            return Response.seeOther(URI.create("/models")).build();
        } catch (RuntimeException e) {
            return render("Promotion failed: " + Backend.problem("predictor-service", e) + ".", null);
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
            return render("Rollback failed: " + Backend.problem("predictor-service", e) + ".", null);
        }
    }

    private TemplateInstance render(String message, String compare) {
        try {
            String champion = Backend.call("predictor-service", predictor::champion)
                    .map(c -> c.path("version").asText()).orElse("");
            List<JsonNode> models = predictor.models();
            Instant now = clock.instant();
            List<ModelRow> rows = models.stream().map(m -> ModelRow.of(m, champion, now)).toList();
            List<Details> details = models.stream()
                    .filter(m -> m.path("version").asText().equals(champion) || m.path("version").asText().equals(compare))
                    .map(m -> Details.of(m, champion, now)).toList();
            Map<String, String> reviewed = Backend.call("predictor-service", predictor::alarmOutcomes)
                    .orElse(List.of()).stream()
                    .collect(Collectors.toMap(AlarmOutcomes::modelVersion, AlarmOutcomes::text, (a, b) -> a));
            return Templates.models(rows, details, message, null,
                    rows.stream().anyMatch(row -> row.champion() && row.simulated()), reviewed);
        } catch (RuntimeException e) {
            return Templates.models(List.of(), List.of(), message,
                    "The model registry is unavailable: " + Backend.problem("predictor-service", e) + ".", false,
                    Map.of());
        }
    }
}

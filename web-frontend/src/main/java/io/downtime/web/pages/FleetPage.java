package io.downtime.web.pages;

import io.downtime.web.charts.SvgCharts;
import io.downtime.web.client.Alarm;
import io.downtime.web.client.FleetRisk;
import io.downtime.web.client.FleetRisk.Prediction;
import io.downtime.web.client.PredictorClient;
import io.downtime.web.client.RiskPoint;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The fleet: every instance by downtime risk, filterable and sortable, with a trend line and its strongest reason. */
@Path("/")
public class FleetPage {

    /**
     * One row of the fleet table.
     *
     * @param risk      the instance's newest score
     * @param sparkline SVG of its recent scores
     * @param freshness how old the data behind the score is, e.g. {@code 40 s}
     */
    public record Row(Prediction risk, String sparkline, String freshness) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fleet(List<Row> rows, Instant scoredAt, String scoredText, String query,
                                             String sort, String problem, List<Alarm> alarms);

        static native TemplateInstance fleet$table(List<Row> rows, Instant scoredAt, String scoredText, String query,
                                                    String sort, String problem);
    }

    private final Clock clock;
    private final PredictorClient predictor;

    public FleetPage(@RestClient PredictorClient predictor, Clock clock) {
        this.predictor = predictor;
        this.clock = clock;
    }

    /**
     * @param query show only instances whose name contains this
     * @param sort  {@code risk} (default), {@code name} or {@code freshness}
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance fleet(@QueryParam("q") String query, @QueryParam("sort") String sort) {
        return render(query, sort, false);
    }

    /** The table alone, which the page's script swaps in to refresh without reloading. */
    @GET
    @Path("fleet/table")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance table(@QueryParam("q") String query, @QueryParam("sort") String sort) {
        return render(query, sort, true);
    }

    private TemplateInstance render(String query, String sort, boolean tableOnly) {
        String filter = query == null ? "" : query.strip();
        String order = sort == null || sort.isBlank() ? "risk" : sort;
        FleetRisk fleet;
        try {
            fleet = predictor.predictions();
        } catch (RuntimeException e) {
            String problem = "Predictions are unavailable: " + Backend.problem("predictor-service", e) + ".";
            return tableOnly ? Templates.fleet$table(List.of(), null, null, filter, order, problem)
                    : Templates.fleet(List.of(), null, null, filter, order, problem, List.of());
        }
        Instant now = clock.instant();
        List<Row> rows = fleet.predictions().stream()
                .filter(p -> p.instance().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT)))
                .sorted(comparator(order))
                .map(p -> new Row(p, sparkline(p.instance()), freshness(p.featuresAt(), now)))
                .toList();
        String stale = fleet.stale() ? "These are the last scores, not current ones: " + fleet.staleReason()
                + ". They are served until the data flows again." : null;
        String scoredText = fleet.scoredAt() == null ? null : HumanTime.describe(fleet.scoredAt(), now);
        return tableOnly ? Templates.fleet$table(rows, fleet.scoredAt(), scoredText, filter, order, stale)
                : Templates.fleet(rows, fleet.scoredAt(), scoredText, filter, order, stale,
                AlarmsPage.toReview(predictor, null).orElse(List.of()));
    }

    private static Comparator<Prediction> comparator(String sort) {
        return switch (sort) {
            case "name" -> Comparator.comparing(Prediction::instance);
            case "freshness" -> Comparator.comparing((Prediction p) -> p.featuresAt() == null ? Instant.MIN : p.featuresAt())
                    .reversed();
            default -> Comparator.comparingDouble(Prediction::probability).reversed();
        };
    }

    private String sparkline(String instance) {
        List<Double> points = Backend.call("predictor-service", () -> predictor.history(instance))
                .orElse(List.of()).stream().map(RiskPoint::probability).toList();
        return SvgCharts.sparkline(points, "recent downtime probability of " + instance);
    }

    private static String freshness(Instant featuresAt, Instant now) {
        if (featuresAt == null) {
            return "–";
        }
        return HumanTime.span(Duration.between(featuresAt, now).isNegative() ? Duration.ZERO
                : Duration.between(featuresAt, now));
    }
}

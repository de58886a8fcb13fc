package io.downtime.web.pages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.downtime.web.charts.SvgCharts;
import io.downtime.web.client.Alarm;
import io.downtime.web.client.CollectorClient;
import io.downtime.web.client.FleetRisk.Prediction;
import io.downtime.web.client.PredictorClient;
import io.downtime.web.client.RiskPoint;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One instance: its prediction and why, its probability over time, its signals with incidents marked, its logs. */
@Path("/instances/{instance}")
public class InstancePage {

    /** A titled chart. */
    public record Chart(String title, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance instance(String instance, Prediction prediction, String explanation,
                                                Chart probability, List<Chart> signals, List<Chart> logs,
                                                List<Alarm> alarms, String page, List<String> problems);
    }

    private static final String WINDOW = "2h";

    private final PredictorClient predictor;
    private final CollectorClient collector;

    public InstancePage(@RestClient PredictorClient predictor, @RestClient CollectorClient collector) {
        this.predictor = predictor;
        this.collector = collector;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance instance(@PathParam("instance") String instance) {
        List<String> problems = new ArrayList<>();
        Prediction prediction = null;
        try {
            prediction = predictor.predict(JsonNodeFactory.instance.objectNode().put("instance", instance));
        } catch (RuntimeException e) {
            problems.add("The current prediction is unavailable: " + Backend.problem("predictor-service", e) + ".");
        }
        String explanation = prediction == null ? null : SvgCharts.contributionBars(prediction.explanation().stream()
                .map(c -> new SvgCharts.Bar(c.feature(), c.contribution())).toList(), "why: feature contributions");

        List<Chart> signals = new ArrayList<>();
        List<Chart> logs = new ArrayList<>();
        Optional<CollectorClient.Samples> samples = Backend.call("collector-service",
                () -> collector.samples(instance, WINDOW)).flatMap(list -> list.stream().findFirst());
        List<String> logSignals = Backend.call("collector-service", collector::signals)
                .map(CollectorClient.Signals::logSignals).filter(java.util.Objects::nonNull).orElse(List.of());
        samples.ifPresentOrElse(s -> {
            for (int i = 0; i < s.signals().size(); i++) {
                String signal = s.signals().get(i);
                double[] values = new double[s.timestamps().length];
                for (int t = 0; t < values.length; t++) {
                    Double value = s.values().get(i)[t];
                    values[t] = value == null ? Double.NaN : value;
                }
                Chart chart = new Chart(signal, SvgCharts.lineChart(signal + " of " + instance + ", incidents shaded",
                        s.timestamps(), values, s.incidents(), false));
                (logSignals.contains(signal) ? logs : signals).add(chart);
            }
        }, () -> problems.add("Signals are unavailable: collector-service did not answer for this instance."));

        Chart probability = Backend.call("predictor-service", () -> predictor.history(instance))
                .filter(points -> !points.isEmpty())
                .map(points -> {
                    long[] times = points.stream().mapToLong(p -> p.time().toEpochMilli()).toArray();
                    return new Chart("Downtime probability, recent scores (incidents shaded)", SvgCharts.lineChart(
                            "downtime probability of " + instance, times,
                            points.stream().mapToDouble(RiskPoint::probability).toArray(),
                            samples.map(s -> downAt(s, times)).orElse(null), true));
                })
                .orElse(null);
        List<Alarm> alarms = AlarmsPage.toReview(predictor, instance).orElseGet(() -> {
            problems.add("Alarms to review are unavailable: predictor-service did not answer.");
            return List.of();
        });
        String page = "/instances/" + URLEncoder.encode(instance, StandardCharsets.UTF_8).replace("+", "%20");
        return Templates.instance(instance, prediction, explanation, probability, signals, logs, alarms, page,
                problems);
    }

    /** Whether the instance was down at each of {@code times}: the down flag of the newest sample at or before it. */
    private static boolean[] downAt(CollectorClient.Samples samples, long[] times) {
        boolean[] down = new boolean[times.length];
        int sample = -1;
        for (int i = 0; i < times.length; i++) {
            while (sample + 1 < samples.timestamps().length && samples.timestamps()[sample + 1] <= times[i]) {
                sample++;
            }
            down[i] = sample >= 0 && samples.incidents()[sample];
        }
        return down;
    }
}

package io.downtime.web.pages;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.downtime.web.charts.SvgCharts;
import io.downtime.web.client.FeatureClient;
import io.downtime.web.client.FleetRisk;
import io.downtime.web.client.FleetRisk.Prediction;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What if: take an instance's current features, change the ones that matter most, and see the probability and the
 * explanation move. Features not on the form keep their current values.
 */
@Path("/predict")
public class PredictPage {

    private static final String PREFIX = "f.";

    /** An editable feature and its value ({@code ""} when missing). */
    public record Field(String name, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance predict(List<String> instances, String instance, List<Field> fields,
                                               Prediction result, String explanation, String problem);
    }

    private final PredictorClient predictor;
    private final FeatureClient features;

    public PredictPage(@RestClient PredictorClient predictor, @RestClient FeatureClient features) {
        this.predictor = predictor;
        this.features = features;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("instance") String instance) {
        List<String> instances = instances();
        if (instance == null || instance.isBlank()) {
            return Templates.predict(instances, null, List.of(), null, null,
                    instances.isEmpty() ? "No instances: predictor-service has not scored the fleet yet." : null);
        }
        try {
            Prediction current = predictor.predict(JsonNodeFactory.instance.objectNode().put("instance", instance));
            Map<String, Double> vector = features.latest(instance).features();
            List<Field> fields = current.explanation().stream()
                    .map(c -> new Field(c.feature(), display(vector.get(c.feature())))).toList();
            return Templates.predict(instances, instance, fields, current, bars(current), null);
        } catch (RuntimeException e) {
            return Templates.predict(instances, instance, List.of(), null, null,
                    "The features of " + instance + " are unavailable: " + Backend.problem("the services", e) + ".");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response predict(String body) {
        MultivaluedMap<String, String> form;
        try {
            form = formFields(body);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.predict(instances(), null, List.of(), null, null,
                            "The form could not be read: " + e.getMessage())).build();
        }
        return Response.ok(predict(form)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** The fields of a form body; Quarkus's own reader answers a malformed percent-escape with a 500. */
    private static MultivaluedMap<String, String> formFields(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String pair : body == null ? new String[0] : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                form.add(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private TemplateInstance predict(MultivaluedMap<String, String> form) {
        String instance = form.getFirst("instance");
        List<String> instances = instances();
        try {
            Map<String, Double> vector = new LinkedHashMap<>(features.latest(instance).features());
            List<Field> fields = new ArrayList<>();
            for (Map.Entry<String, List<String>> entry : form.entrySet()) {
                if (entry.getKey().startsWith(PREFIX)) {
                    String name = entry.getKey().substring(PREFIX.length());
                    String text = entry.getValue().isEmpty() ? "" : entry.getValue().get(0).strip();
                    if (!vector.containsKey(name)) {
                        throw new IllegalArgumentException("unknown feature '" + name + "'");
                    }
                    vector.put(name, text.isEmpty() ? null : Double.parseDouble(text));
                    fields.add(new Field(name, text));
                }
            }
            ObjectNode request = JsonNodeFactory.instance.objectNode().put("instance", instance);
            ObjectNode values = request.putObject("features");
            vector.forEach((name, value) -> {
                if (value == null) {
                    values.putNull(name);
                } else {
                    values.put(name, value);
                }
            });
            Prediction result = predictor.predict(request);
            return Templates.predict(instances, instance, fields, result, bars(result), null);
        } catch (NumberFormatException e) {
            return Templates.predict(instances, instance, List.of(), null, null, "Every value must be a number.");
        } catch (IllegalArgumentException e) {
            return Templates.predict(instances, instance, List.of(), null, null, e.getMessage());
        } catch (RuntimeException e) {
            return Templates.predict(instances, instance, List.of(), null, null,
                    "The prediction failed: " + Backend.problem("the services", e) + ".");
        }
    }

    /** The scored instances by name, for the picker; empty when the predictor does not answer. */
    private List<String> instances() {
        return Backend.call("predictor-service", predictor::predictions)
                .map(f -> f.predictions().stream().map(Prediction::instance).sorted().toList()).orElse(List.of());
    }

    private static String bars(FleetRisk.Prediction risk) {
        return SvgCharts.contributionBars(risk.explanation().stream()
                .map(c -> new SvgCharts.Bar(c.feature(), c.contribution())).toList(), "feature contributions");
    }

    private static String display(Double value) {
        return value == null ? "" : Double.toString(value);
    }
}

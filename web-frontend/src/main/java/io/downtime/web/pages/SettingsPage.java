package io.downtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.downtime.web.client.CollectorClient;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;

/** What the system runs with: horizon and threshold of the served model, the data source, the refresh interval. */
@Path("/settings")
public class SettingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(JsonNode champion, CollectorClient.Signals source, List<String> problems);
    }

    private final PredictorClient predictor;
    private final CollectorClient collector;

    public SettingsPage(@RestClient PredictorClient predictor, @RestClient CollectorClient collector) {
        this.predictor = predictor;
        this.collector = collector;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance settings() {
        JsonNode champion = Backend.call("predictor-service", predictor::champion).orElse(null);
        CollectorClient.Signals source = Backend.call("collector-service", collector::signals).orElse(null);
        List<String> problems = new ArrayList<>();
        if (champion == null) {
            problems.add("The served model is unavailable: predictor-service did not answer.");
        }
        if (source == null) {
            problems.add("The data source is unavailable: collector-service did not answer.");
        }
        return Templates.settings(champion, source, problems);
    }
}

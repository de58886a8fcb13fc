package io.downtime.web.rest;

import io.downtime.web.client.FleetRisk;
import io.downtime.web.client.PredictorClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** The fleet page: every instance by downtime risk, riskiest first. */
@Path("/")
public class FleetPage {

    private static final Logger LOG = Logger.getLogger(FleetPage.class);

    @CheckedTemplate
    static class Templates {
        /** @param fleet the scores, or null when they are unavailable; @param problem why they are unavailable */
        static native TemplateInstance fleet(FleetRisk fleet, String problem);
    }

    private final PredictorClient predictor;

    public FleetPage(@RestClient PredictorClient predictor) {
        this.predictor = predictor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance fleet() {
        try {
            return Templates.fleet(predictor.predictions(), null);
        } catch (WebApplicationException e) {
            return unavailable("predictor-service answered " + e.getResponse().getStatus()
                    + (e.getResponse().getStatus() == 503 ? ": the first model is still training" : ""));
        } catch (RuntimeException e) {
            return unavailable("predictor-service is unreachable");
        }
    }

    private static TemplateInstance unavailable(String problem) {
        LOG.warnf("fleet page without predictions: %s", problem);
        return Templates.fleet(null, "Predictions are unavailable: " + problem + ".");
    }
}

package io.downtime.collector.prometheus;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Prometheus HTTP API endpoint for range queries (form-encoded POST, so long queries fit). */
@Path("/api/v1")
@RegisterRestClient(configKey = "prometheus")
public interface PrometheusHttpClient {

    /** Returns the raw response: Prometheus sends a JSON error body with 4xx/5xx statuses, which we want to read. */
    @POST
    @Path("query_range")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response queryRange(@FormParam("query") String query, @FormParam("start") String start,
                        @FormParam("end") String end, @FormParam("step") String step,
                        @FormParam("timeout") String timeout);

}

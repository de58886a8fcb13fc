package io.downtime.web.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** feature-service, as far as the web UI reads it. */
@Path("/")
@RegisterRestClient(configKey = "features")
public interface FeatureClient {

    @GET
    @Path("features/{instance}")
    Vector latest(@PathParam("instance") String instance);

    /** A feature vector; null values are missing. */
    record Vector(String instance, String timestamp, String schema, boolean stale, Map<String, Double> features) {
    }
}

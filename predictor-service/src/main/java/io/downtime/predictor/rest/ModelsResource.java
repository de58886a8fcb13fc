package io.downtime.predictor.rest;

import io.downtime.predictor.ServedModel;
import io.downtime.predictor.registry.ModelMetadata;
import io.downtime.predictor.registry.ModelRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The model registry: every stored version, and the one being served. */
@Path("/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelRegistry registry;
    private final ServedModel served;

    public ModelsResource(ModelRegistry registry, ServedModel served) {
        this.registry = registry;
        this.served = served;
    }

    @GET
    public List<ModelMetadata> list() {
        return registry.list();
    }

    @GET
    @Path("champion")
    public ModelMetadata champion() {
        return served.require().metadata();
    }
}

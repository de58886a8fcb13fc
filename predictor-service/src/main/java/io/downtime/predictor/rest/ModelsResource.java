package io.downtime.predictor.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.downtime.admin.AdminOnly;
import io.downtime.models.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.downtime.problem.InvalidInputException;
import io.downtime.problem.ProblemResponses;
import io.downtime.predictor.ServedModel;
import io.downtime.predictor.config.PredictorConfig;
import io.downtime.models.registry.ModelMetadata;
import io.downtime.models.registry.ModelRegistry;
import io.downtime.models.registry.ModelRegistry.RegisteredModel;
import io.downtime.predictor.training.TrainingJobs;
import io.downtime.predictor.training.TrainingJobs.Job;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The model registry and training: list, inspect, train, promote, roll back. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    private final ModelRegistry registry;
    private final ServedModel served;
    private final TrainingJobs jobs;
    private final String horizon;

    public ModelsResource(ModelRegistry registry, ServedModel served, TrainingJobs jobs, PredictorConfig config) {
        this.registry = registry;
        this.served = served;
        this.jobs = jobs;
        this.horizon = config.horizon();
    }

    /** Every stored version, newest first. */
    @GET
    @Path("models")
    public List<ModelMetadata> list() {
        return registry.list();
    }

    /** Every algorithm a model can be trained with, by the id {@code POST /models/train} takes: learned ones first. */
    @GET
    @Path("models/algorithms")
    public List<String> algorithms() {
        return Arrays.stream(Algorithm.values()).map(Algorithm::id).toList();
    }

    /** The model being served. */
    @GET
    @Path("models/champion")
    public ModelMetadata champion() {
        return served.require().metadata();
    }

    @GET
    @Path("models/{version}")
    public ModelMetadata model(@PathParam("version") String version) {
        return registry.metadata(version).orElseThrow(() -> new NotFoundException("no model version '" + version + "'"));
    }

    /**
     * What to train, as the JSON body of {@code POST /models/train}; every field is optional and any other is refused.
     *
     * @param algorithm {@code xgboost}, {@code random-forest}, {@code svm}, {@code logistic},
     *                  {@code static-threshold} or {@code linear-extrapolation}; default: the configured one
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    public record TrainRequest(String algorithm) {

        static final List<String> FIELDS = List.of("algorithm");

        /** The request in {@code body} (null or empty: all defaults); unknown fields and wrong types are refused. */
        static TrainRequest of(JsonNode body) {
            if (body == null || body.isNull() || body.isMissingNode()) {
                return new TrainRequest(null);
            }
            if (!body.isObject()) {
                throw new InvalidInputException(null, "expected a JSON object like {\"algorithm\": \"random-forest\"}");
            }
            JsonObjects.refuseUnknownFields(body, FIELDS);
            JsonNode algorithm = body.get("algorithm");
            if (algorithm != null && !algorithm.isNull() && !algorithm.isTextual()) {
                throw new InvalidInputException("algorithm", "algorithm must be a string such as \"xgboost\"");
            }
            return new TrainRequest(algorithm == null || algorithm.isNull() ? null : algorithm.asText());
        }
    }

    /**
     * Starts training a challenger: 202 with the job's {@code Location}; 409 while another run is under way. The
     * options come as a JSON body ({@link TrainRequest}); {@code ?algorithm=} is still read, and must agree with the
     * body when both are given.
     */
    @POST
    @AdminOnly
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @Path("models/train")
    @RequestBody(description = "What to train; every field optional, any other refused",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrainRequest.class),
                    examples = @ExampleObject(name = "random forest", value = "{\"algorithm\": \"random-forest\"}")))
    @APIResponse(responseCode = "202", description = "The job started; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "409", description = "Another training job is running",
            content = @Content(mediaType = "application/problem+json"))
    public Response train(@QueryParam("algorithm") String query, byte[] body, @Context UriInfo uri)
            throws IOException {
        String algorithm = TrainRequest.of(body == null || body.length == 0 ? null : JSON.readTree(body)).algorithm();
        if (query != null && algorithm != null && !query.equals(algorithm)) {
            throw new InvalidInputException("algorithm", "the body asks for " + algorithm + " but ?algorithm= for "
                    + query);
        }
        algorithm = algorithm != null ? algorithm : query;
        Optional<Job> started;
        if (algorithm == null) {
            started = jobs.start();
        } else {
            try {
                started = jobs.start(Algorithm.of(algorithm));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("algorithm", e.getMessage());
            }
        }
        Job job = started.orElseThrow(() -> {
            String running = jobs.running().map(Job::id).orElse("?");
            return new WebApplicationException("training job " + running + " is already running; follow /jobs/"
                    + running, Response.Status.CONFLICT);
        });
        return Response.accepted(job).location(uri.getBaseUriBuilder().path("jobs").path(job.id()).build()).build();
    }

    @GET
    @Path("jobs")
    public List<Job> jobs() {
        return jobs.list();
    }

    @GET
    @Path("jobs/{id}")
    public Job job(@PathParam("id") String id) {
        return jobs.get(id).orElseThrow(() -> new NotFoundException("no training job '" + id + "'"));
    }

    /** Serves {@code version} from now on. */
    @POST
    @AdminOnly
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @Path("models/{version}/promote")
    @APIResponse(responseCode = "200", description = "The model now served",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelMetadata.class)))
    @APIResponse(responseCode = "409", description = "The model predicts another horizon than this predictor serves",
            content = @Content(mediaType = "application/problem+json"))
    public ModelMetadata promote(@PathParam("version") String version) throws IOException {
        ModelMetadata metadata = model(version);
        if (!metadata.horizon().equals(horizon)) {
            throw new WebApplicationException("model " + version + " predicts " + metadata.horizon()
                    + " ahead but this predictor serves " + horizon, Response.Status.CONFLICT);
        }
        RegisteredModel promoted = registry.promote(version);
        served.serve(promoted);
        return promoted.metadata();
    }

    /** Serves the previous champion again. */
    @POST
    @AdminOnly
    @SecurityRequirement(name = ProblemResponses.ADMIN_SCHEME)
    @Path("models/rollback")
    @APIResponse(responseCode = "200", description = "The previous champion, served again",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ModelMetadata.class)))
    @APIResponse(responseCode = "409", description = "There is no previous champion",
            content = @Content(mediaType = "application/problem+json"))
    public ModelMetadata rollback() throws IOException {
        try {
            RegisteredModel previous = registry.rollback(horizon);
            served.serve(previous);
            return previous.metadata();
        } catch (IllegalStateException e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.CONFLICT);
        }
    }
}

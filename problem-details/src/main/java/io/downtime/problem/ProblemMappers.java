package io.downtime.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.stream.Collectors;

/** Turns every error a service raises into {@code application/problem+json}; nothing leaves as an HTML or stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    /** Client input that failed validation. */
    @Provider
    @Priority(Priorities.USER)
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return Problem.of(Response.Status.BAD_REQUEST, e.getMessage(), e.field()).toResponse();
        }
    }

    /** Errors of the domain code: the one place that gives each kind its status. */
    @Provider
    @Priority(Priorities.USER)
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            int status = status(e);
            if (status >= 500) {
                LOG.warnf("answered %d: %s", status, e.getMessage());
            }
            return Problem.of(status, e.getMessage()).toResponse();
        }

        static int status(DomainException e) {
            if (e instanceof DomainException.UnknownInstance) {
                return 404;
            }
            if (e instanceof DomainException.DependencyUnavailable dependency) {
                return dependency.unreachable() ? 503 : 502;
            }
            if (e instanceof DomainException.NotReady) {
                return 503;
            }
            if (e instanceof DomainException.Conflict) {
                return 409;
            }
            throw new IllegalStateException("no status for " + e.getClass().getName());
        }
    }

    /** Malformed JSON in a request body. */
    @Provider
    @Priority(Priorities.USER)
    public static class MalformedJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return notJson(e);
        }
    }

    /** Well-formed JSON of the wrong shape or type. */
    @Provider
    @Priority(Priorities.USER)
    public static class MismatchedJson implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return jsonMapping(e);
        }
    }

    /** Any other JSON binding problem. */
    @Provider
    @Priority(Priorities.USER)
    public static class OtherJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return e instanceof JsonMappingException mapping ? jsonMapping(mapping) : notJson(e);
        }
    }

    /** Status errors raised by the REST layer (404, 405, 415, ...), keeping their status. */
    @Provider
    @Priority(Priorities.USER)
    public static class Status implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            // The REST layer wraps a body it could not read as JSON (malformed, too deeply nested) in a bare 400.
            for (Throwable cause = e.getCause(); status == 400 && cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonMappingException mapping) {
                    return jsonMapping(mapping);
                }
                if (cause instanceof JsonProcessingException json) {
                    return notJson(json);
                }
            }
            if (status >= 500) {
                LOG.warnf("answered %d: %s", status, e.getMessage());
            }
            return Problem.of(status, e.getMessage()).toResponse();
        }
    }

    /** A defect: logged with its stack trace, answered without one. */
    @Provider
    @Priority(Priorities.USER + 1)
    public static class Unexpected implements ExceptionMapper<Exception> {
        @Override
        public Response toResponse(Exception e) {
            LOG.error("unexpected error while handling a request", e);
            return Problem.of(500, "internal error; see the service log").toResponse();
        }
    }

    private static Response notJson(JsonProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "request body is not valid JSON: " + e.getOriginalMessage(), null)
                .toResponse();
    }

    private static Response jsonMapping(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String where = path.isEmpty() ? "request body" : "field '" + path + "'";
        return Problem.of(Response.Status.BAD_REQUEST, where + " is invalid: " + e.getOriginalMessage(),
                path.isEmpty() ? null : path).toResponse();
    }
}

package io.downtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/**
 * An HTTP error body as RFC 9457 problem details ({@code application/problem+json}).
 *
 * @param type   URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  short summary of the kind of problem
 * @param status HTTP status code
 * @param detail what went wrong with this request, naming the input
 * @param field  the request field at fault, when there is one (JSON path such as {@code features.cpu_busy_last})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(Response.Status status, String detail, String field) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field);
    }

    public static Problem of(int status, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, null);
    }

    /** This problem as a response; the body is written here so no message body writer is needed for the media type. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write problem details", e);
        }
    }
}

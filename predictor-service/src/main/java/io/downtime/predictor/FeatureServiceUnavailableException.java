package io.downtime.predictor;

import jakarta.ws.rs.WebApplicationException;

/** feature-service did not answer, or answered with a server error: a 502 or 503 unless a stale score can stand in. */
public class FeatureServiceUnavailableException extends WebApplicationException {

    public FeatureServiceUnavailableException(String message, int status) {
        super(message, status);
    }
}

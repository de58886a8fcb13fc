package io.downtime.admin;

import io.downtime.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards {@link AdminOnly} operations with the bearer token in {@value #PROPERTY} (environment variable
 * {@code DOWNTIME_ADMIN_TOKEN}, from a Kubernetes Secret in a cluster). Without a configured token they stay open, with
 * a warning at the first call, so a laptop set-up works out of the box. The token is compared in constant time and
 * never logged.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {

    public static final String PROPERTY = "downtime.admin-token";

    private static final Logger LOG = Logger.getLogger(AdminTokenFilter.class);

    private final Optional<byte[]> token = ConfigProvider.getConfig().getOptionalValue(PROPERTY, String.class)
            .filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    private volatile boolean warned;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.isEmpty()) {
            if (!warned) {
                warned = true;
                LOG.warnf("admin operations are open to anyone who can reach this service: set %s", PROPERTY);
            }
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        byte[] given = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(token.get(), given)) {
            Response problem = Problem.of(401, authorization == null
                    ? "this operation needs the admin token: send 'Authorization: Bearer <token>'"
                    : "the admin token is wrong").toResponse();
            request.abortWith(Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }
}

package io.downtime.problem;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;

/**
 * Documents in every service's OpenAPI document the error answers each operation can give, all as
 * {@code application/problem+json} ({@link Problem}): {@code 400} everywhere (a query parameter an
 * operation does not take is refused, {@link UnknownQueryParameters}),
 * {@code 413} where it takes a body, {@code 404} where its path names something, {@code 401} where it needs the admin
 * token (operations with the {@value #ADMIN_SCHEME} security requirement), {@code 503} in the services that depend on
 * another ({@code downtime.openapi.dependency}), and {@code 500} everywhere. An operation's own {@code @APIResponse}
 * (e.g. a {@code 409}) is kept. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    /** The security scheme of the admin operations: a bearer token. */
    public static final String ADMIN_SCHEME = "admin-token";
    static final String PROBLEM = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        openAPI.getComponents().addSecurityScheme(ADMIN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The admin token (DOWNTIME_ADMIN_TOKEN; bin/up writes it to data/admin-token)"));
        String dependency = ConfigProvider.getConfig()
                .getOptionalValue("downtime.openapi.dependency", String.class).orElse(null);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue(), dependency);
            }
        });
    }

    private static void document(String path, Operation operation, String dependency) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        // Every operation can answer 400: a query parameter it does not take is refused (UnknownQueryParameters).
        add(responses, "400", "The input is invalid, or names a field or parameter the operation does not "
                + "take; `field` names it");
        if (body) {
            add(responses, "413", "The body is larger than the limit (10 MiB)");
        }
        if (path.contains("{")) {
            add(responses, "404", "What the path names is not known");
        }
        if (operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.hasScheme(ADMIN_SCHEME))) {
            add(responses, "401", "The admin token is missing or wrong");
        }
        if (dependency != null) {
            add(responses, "503", "Not ready yet, or " + dependency + " does not answer");
        }
        add(responses, "500", "An unexpected error; the service log has its details");
        for (String status : java.util.List.copyOf(responses.getAPIResponses().keySet())) {
            if (status.startsWith("4") || status.startsWith("5")) {
                add(responses, status, null);
            }
        }
    }

    /** Adds the response, or (when the operation or the generator declared it already) its problem+json body. */
    private static void add(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
        org.eclipse.microprofile.openapi.models.responses.APIResponse response = responses.getAPIResponse(status);
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        if (!response.getContent().hasMediaType(MEDIA_TYPE) || response.getContent().getMediaType(MEDIA_TYPE)
                .getSchema() == null) {
            response.getContent().addMediaType(MEDIA_TYPE, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().ref(PROBLEM)));
        }
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("An error as RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .description("A URI naming the kind of problem; about:blank"))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .description("The status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER))
                        .description("The HTTP status"))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .description("What went wrong, for a person"))
                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .description("The field or parameter at fault, when there is one"))
                .required(java.util.List.of("status", "detail"));
    }
}

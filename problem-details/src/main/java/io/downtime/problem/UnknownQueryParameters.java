package io.downtime.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Input is never silently ignored: a query parameter the matched operation does not declare is a {@code 400} naming
 * it and the parameters the operation takes (a misspelt {@code ?algoritm=} would otherwise train the default).
 */
@Provider
public class UnknownQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, UnknownQueryParameters::declared);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!declared.contains(name)) {
                throw new InvalidInputException(name, "unknown query parameter '" + name + "'"
                        + (declared.isEmpty() ? "; this operation takes none" : "; this operation takes "
                        + String.join(", ", declared)));
            }
        }
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    names.add(query.value());
                }
            }
        }
        return names;
    }
}

package io.downtime.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each kind of domain error has its status in one place (the services' tests show the problem+json answers, e.g. an
 * unknown instance's 404).
 */
class DomainProblemsTest {

    @Test
    void everyKindOfDomainErrorGetsItsStatus() {
        assertEquals(404, status(new DomainException.UnknownInstance("web-1")));
        assertEquals(503, status(new DomainException.DependencyUnavailable("feature-service is unreachable", true, null)));
        assertEquals(502, status(new DomainException.DependencyUnavailable("feature-service answered 500", false, null)));
        assertEquals(503, status(new DomainException.NotReady("no model yet")));
        assertEquals(409, status(new DomainException.Conflict("schema differs")));
    }

    private int status(DomainException e) {
        return ProblemMappers.Domain.status(e);
    }
}

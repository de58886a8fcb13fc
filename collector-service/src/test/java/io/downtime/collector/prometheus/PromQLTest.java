package io.downtime.collector.prometheus;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromQLTest {

    @Test
    void escapesQuotesBackslashesAndLineBreaks() {
        assertEquals("\"web-1\"", PromQL.stringLiteral("web-1"));
        assertEquals("\"a\\\"b\\\\c\\nd\\te\"", PromQL.stringLiteral("a\"b\\c\nd\te"));
        assertEquals("\"\\x01\"", PromQL.stringLiteral("\u0001"));
    }

    @Test
    void anInjectionAttemptStaysInsideTheLiteral() {
        String hostile = "x\"} or vector(1) # {a=\"";
        assertEquals("\"x\\\"} or vector(1) # {a=\\\"\"", PromQL.stringLiteral(hostile));
    }

    @Test
    void restrictsAnExpressionToOneInstanceWithoutParsingIt() {
        assertEquals("(node_load1) and on(instance) label_replace(vector(1), \"instance\", \"db-\\\"1\", \"\", \"\")",
                PromQL.forInstance("node_load1", "db-\"1"));
    }
}

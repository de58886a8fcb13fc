package io.downtime.collector.prometheus;

import java.util.Map;

/** The part of the Prometheus HTTP API the collector uses; any Prometheus-API store answers it. */
public interface PrometheusApi {

    /** One series of a range query: times in epoch milliseconds and their values. */
    record Series(long[] timestamps, double[] values) {
    }

    /**
     * Evaluates {@code query} over {@code [startMillis, endMillis]} every {@code stepMillis}. Returns the series by
     * their {@code instance} label; series without one are ignored.
     *
     * @throws PrometheusException when the store cannot be reached or rejects the query
     */
    Map<String, Series> queryRange(String query, long startMillis, long endMillis, long stepMillis);

    /** The store failed to answer, or answered with an error. */
    class PrometheusException extends RuntimeException {

        private final boolean badQuery;

        public PrometheusException(String message, boolean badQuery, Throwable cause) {
            super(message, cause);
            this.badQuery = badQuery;
        }

        /** The query itself is wrong: retrying will not help. */
        public boolean badQuery() {
            return badQuery;
        }
    }
}

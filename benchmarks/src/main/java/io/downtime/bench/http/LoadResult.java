package io.downtime.bench.http;

/**
 * What a load generator measured.
 *
 * @param requestsPerSecond completed requests per second
 * @param p50Millis         median latency
 * @param p99Millis         99th percentile latency
 * @param requests          requests completed
 * @param errors            requests that failed or answered other than 2xx
 */
record LoadResult(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long errors) {
}

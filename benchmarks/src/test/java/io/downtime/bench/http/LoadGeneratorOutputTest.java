package io.downtime.bench.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The load generators' outputs, as they print them, read into numbers. */
class LoadGeneratorOutputTest {

    @Test
    void readsWrk() {
        LoadResult result = Wrk.parse("""
            Running 2s test @ http://127.0.0.1:8090/predict
              2 threads and 8 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    14.83ms   42.91ms 259.12ms   92.40%
                Req/Sec     1.60k     1.04k    4.12k    77.78%
              Latency Distribution
                 50%    2.27ms
                 75%    4.68ms
                 90%   13.95ms
                 99%  224.31ms
              5796 requests in 2.01s, 815.06KB read
            Requests/sec:   2886.89
            Transfer/sec:    405.97KB
            """ + "Non-2xx or 3xx responses: 4\n");
        assertEquals(2886.89, result.requestsPerSecond(), 1e-9);
        assertEquals(2.27, result.p50Millis(), 1e-9);
        assertEquals(224.31, result.p99Millis(), 1e-9);
        assertEquals(5796, result.requests());
        assertEquals(4, result.errors());
    }

    @Test
    void readsHey() {
        LoadResult result = Hey.parse("""

            Summary:
              Total:\t2.0085 secs
              Slowest:\t0.0212 secs
              Fastest:\t0.0003 secs
              Average:\t0.0022 secs
              Requests/sec:\t497.8773
              
              Total data:\t59000 bytes
              Size/request:\t59 bytes

            Response time histogram:
              0.000 [1]\t|
              0.002 [686]\t|■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■■
              0.004 [273]\t|■■■■■■■■■■■■■■■■
              0.007 [21]\t|■
              0.009 [4]\t|
              0.011 [7]\t|
              0.013 [0]\t|
              0.015 [7]\t|
              0.017 [0]\t|
              0.019 [0]\t|
              0.021 [1]\t|


            Latency distribution:
              10% in 0.0009 secs
              25% in 0.0013 secs
              50% in 0.0019 secs
              75% in 0.0025 secs
              90% in 0.0037 secs
              95% in 0.0044 secs
              99% in 0.0092 secs

            Details (average, fastest, slowest):
              DNS+dialup:\t0.0000 secs, 0.0003 secs, 0.0212 secs
              DNS-lookup:\t0.0000 secs, 0.0000 secs, 0.0000 secs
              req write:\t0.0001 secs, 0.0000 secs, 0.0044 secs
              resp wait:\t0.0077 secs, 0.0000 secs, 1.6668 secs
              resp read:\t0.0000 secs, 0.0000 secs, 0.0035 secs

            Status code distribution:
              [200]\t1000 responses
            """);
        assertEquals(497.8773, result.requestsPerSecond(), 1e-9);
        assertEquals(1.9, result.p50Millis(), 1e-9);
        assertEquals(9.2, result.p99Millis(), 1e-9);
        assertEquals(1000, result.requests());
        assertEquals(0, result.errors());
    }

    @Test
    void countsHeysConnectionErrors() {
        LoadResult result = Hey.parse("""

            Summary:
              Total:\t1.0070 secs
              Slowest:\t0.0000 secs
              Fastest:\t0.0000 secs
              Average:\t NaN secs
              Requests/sec:\t70126.5199
              

            Response time histogram:


            Latency distribution:

            Details (average, fastest, slowest):
              DNS+dialup:\t NaN secs, 0.0000 secs, 0.0000 secs
              DNS-lookup:\t NaN secs, 0.0000 secs, 0.0000 secs
              req write:\t NaN secs, 0.0000 secs, 0.0000 secs
              resp wait:\t NaN secs, 0.0000 secs, 0.0000 secs
              resp read:\t NaN secs, 0.0000 secs, 0.0000 secs

            Status code distribution:

            Error distribution:
              [70614]\tPost "http://127.0.0.1:1/predict": dial tcp 127.0.0.1:1: connect: connection refused
            """);
        assertEquals(70614, result.errors());
        assertEquals(0, result.requests());
        assertEquals(Double.NaN, result.p99Millis());
    }
}

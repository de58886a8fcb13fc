package io.downtime.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Ports for the processes the system tests start. A port the kernel hands out for {@code new ServerSocket(0)} lies in
 * its ephemeral range, from which every outgoing connection takes its local port too: between choosing it and the
 * service binding it, a connection of an already running service can take it ("Port ... in use"). These ports lie
 * below that range, are free when chosen, and are never handed out twice.
 */
final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final Set<Integer> GIVEN = new HashSet<>();
    private static final SplittableRandom RANDOM = new SplittableRandom();

    private FreePorts() {
    }

    static synchronized int next() {
        int highest = ephemeralStart() - 1;
        for (int attempt = 0; highest > LOWEST && attempt < 1000; attempt++) {
            int port = LOWEST + RANDOM.nextInt(highest - LOWEST + 1);
            if (!GIVEN.contains(port) && free(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), 32768 when it cannot be read. */
    private static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

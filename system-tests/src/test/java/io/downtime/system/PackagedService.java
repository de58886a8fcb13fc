package io.downtime.system;

import io.downtime.stub.ServiceProcess;

import java.nio.file.Path;
import java.util.Map;

/** A service of this build started from its packaged jar on a free port, logging under target/system-tests. */
final class PackagedService {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private PackagedService() {
    }

    /** Starts {@code module} with these system properties. */
    static ServiceProcess start(String module, Map<String, String> properties) {
        int port = FreePorts.next();
        return ServiceProcess.start(module, ServiceProcess.packagedJar(ROOT.resolve(module)), port,
                ROOT.resolve("system-tests/target/system-tests/" + module + "-" + port + ".log"), properties, "384m");
    }
}

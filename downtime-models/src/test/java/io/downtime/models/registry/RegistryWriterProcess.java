package io.downtime.models.registry;

import java.nio.file.Path;

/**
 * A process that trains and registers models into the registry at {@code args[0]} until it is killed, printing
 * {@code registered <version>} once each registration has returned (is durable). Started by {@link RegistryCrashTest}.
 */
public final class RegistryWriterProcess {

    private RegistryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        ModelRegistry registry = new ModelRegistry(Path.of(args[0]), 3);
        for (long seed = 1; ; seed++) {
            ModelRegistry.RegisteredModel registered = registry.register(ModelRegistryTest.train(seed), "1h",
                    seed / 1000.0, ModelRegistryTest.QUALITY);
            System.out.println("registered " + registered.metadata().version());
            System.out.flush();
        }
    }
}

package io.downtime.models.registry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process that trains and registers models into the registry at {@code args[0]}, printing
 * {@code registered <version>} once each registration has returned (is durable). By default it goes on until it is
 * killed ({@link RegistryCrashTest}). With {@code once} it prints the champion it opened with
 * ({@code champion <version>}), registers that model again as a new version and exits, printing
 * {@code failed: <message>} and exiting with 3 when the registration fails ({@link RegistryFaultsTest}).
 */
public final class RegistryWriterProcess {

    static final int FAILED = 3;

    private RegistryWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        ModelRegistry registry = new ModelRegistry(Path.of(args[0]), 3);
        if (args.length > 1 && args[1].equals("once")) {
            registerTheChampionAgain(registry);
            return;
        }
        for (long seed = 1; ; seed++) {
            ModelRegistry.RegisteredModel registered = registry.register(ModelRegistryTest.train(seed), "1h",
                    ModelRegistryTest.QUALITY);
            System.out.println("registered " + registered.metadata().version());
            System.out.flush();
        }
    }

    /** Registers the loaded champion as a new version: no training, so nothing but the registry writes a file. */
    private static void registerTheChampionAgain(ModelRegistry registry) {
        ModelRegistry.RegisteredModel champion = registry.champion("1h").orElseThrow();
        System.out.println("champion " + champion.metadata().version());
        try {
            ModelRegistry.RegisteredModel registered = registry.register(champion.model(), "1h",
                    ModelRegistryTest.QUALITY);
            System.out.println("registered " + registered.metadata().version());
        } catch (IOException e) {
            System.out.println("failed: " + e.getMessage());
            System.out.flush();
            System.exit(FAILED);
        }
    }
}

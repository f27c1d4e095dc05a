package org.glamibench.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.glamibench.adapter.AdapterDescriptor;
import org.glamibench.isolation.ChildProcess.ChildFailure;
import org.glamibench.isolation.ChildProtocol.Frame;
import org.glamibench.registry.AdapterRegistry;

/**
 * Adds the adapters of jars to a registry without loading any of their code in this JVM: a short
 * child JVM (sandboxed when the settings say so) lists each jar's adapters, and each entry makes
 * {@link ChildProcessAdapter}s.
 */
public final class IsolatedAdapters {
    private IsolatedAdapters() {
    }

    /** Why no sandbox can run here (bubblewrap missing or unable to start), or empty when one can. */
    public static Optional<String> sandboxProblem() {
        return Sandbox.problem();
    }

    /**
     * Adds each jar's adapters to the registry.
     *
     * @throws IllegalArgumentException when a jar is missing, holds no adapter, cannot be loaded,
     *                                  an adapter's name is taken, its child fails, or the
     *                                  sandbox cannot run here
     */
    public static void addJars(AdapterRegistry registry, List<Path> jars, ChildSettings settings) {
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + ": no such adapter jar");
            }
            for (AdapterDescriptor descriptor : list(jar, settings)) {
                registry.add(new AdapterRegistry.Entry(descriptor, jar, settings.isolation(),
                        () -> new ChildProcessAdapter(jar, descriptor, settings)));
            }
        }
    }

    /** The jar's adapters as a child lists them. */
    private static List<AdapterDescriptor> list(Path jar, ChildSettings settings) {
        ChildProcess child;
        try {
            child = ChildProcess.start(ChildCommand.of(settings, jar, null), settings);
        } catch (ChildFailure failure) {
            throw new IllegalArgumentException(jar + ": " + failure.getMessage());
        }
        try (child) {
            Frame hello = child.await(settings.openTimeout(), "while listing the jar's adapters");
            if (hello.type() == ChildProtocol.Type.LOAD_FAILED) {
                throw new IllegalArgumentException(ChildProtocol.readText(hello.payload()));
            }
            if (hello.type() != ChildProtocol.Type.HELLO) {
                throw new IllegalArgumentException(jar + ": the adapter's JVM began with " + hello.type());
            }
            return ChildProtocol.readHello(hello.payload());
        } catch (ChildFailure failure) {
            throw new IllegalArgumentException(jar + ": the adapter's JVM " + failure.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(jar + ": the adapter's JVM sent a malformed list (" + e.getMessage() + ")");
        }
    }
}

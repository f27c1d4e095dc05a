package org.glamibench.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.isolation.ChildSettings;
import org.glamibench.isolation.IsolatedAdapters;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;

/**
 * How adapters from jars run: in a child JVM (the default), in a sandboxed child JVM, or in the
 * harness's own JVM. Built-in adapters always run in process.
 *
 * @param level              where jar adapters run
 * @param heap               a child JVM's heap limit, as for {@code -Xmx} (e.g. {@code 512m})
 * @param openTimeoutSeconds how long starting a child and opening the adapter (or closing it) may take
 */
public record IsolationSettings(Isolation.Level level, String heap, int openTimeoutSeconds) {
    /** A child JVM with a 512 MiB heap and ten minutes to open: the command line's default. */
    public static final IsolationSettings DEFAULT = new IsolationSettings(Isolation.Level.CHILD, "512m", 600);
    /** Jar adapters in the harness's own JVM. */
    public static final IsolationSettings IN_PROCESS = new IsolationSettings(Isolation.Level.IN_PROCESS, "512m", 600);

    /** Checks that nothing is null; the heap and timeout are checked when a child JVM is configured. */
    public IsolationSettings {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(heap, "heap");
    }

    /**
     * The built-ins plus the jars' adapters, to run as these settings say.
     *
     * @param jars                the adapter jars
     * @param device              the device the adapters are asked to use
     * @param batchTimeoutSeconds how long a batch may take in a child
     * @param retries             how often a batch the child failed on is retried in a fresh child
     * @param prepareThreads      the child's threads for the adapter's prepare
     * @param hidden              folders a sandbox must not show
     * @param stderr              receives the children's standard error lines
     * @return the registry, to be closed by the caller
     * @throws IllegalArgumentException for settings that do not go together, a jar that cannot be
     *                                  used, or a sandbox that cannot run here
     */
    public AdapterRegistry registry(List<Path> jars, DeviceSpec device, int batchTimeoutSeconds, int retries,
                                    int prepareThreads, List<Path> hidden, Consumer<String> stderr) {
        checkUsage(device);
        if (level == Isolation.Level.IN_PROCESS) {
            return AdapterRegistry.load(jars);
        }
        ChildSettings settings = new ChildSettings(heap, batchTimeoutSeconds, openTimeoutSeconds,
                level == Isolation.Level.CHILD_SANDBOX, prepareThreads, retries, hidden, stderr);
        AdapterRegistry registry = AdapterRegistry.load(List.of());
        IsolatedAdapters.addJars(registry, jars, settings);
        return registry;
    }

    /**
     * Checks that a sandbox asked for can run here, on that device.
     *
     * @throws IllegalArgumentException when it cannot
     */
    public void checkUsage(DeviceSpec device) {
        if (level != Isolation.Level.CHILD_SANDBOX) {
            return;
        }
        if (device.gpu()) {
            throw new IllegalArgumentException("--sandbox runs adapters on the CPU only: it shows no GPU device");
        }
        IsolatedAdapters.sandboxProblem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * Checks that the chosen adapter can run as asked.
     *
     * @throws IllegalArgumentException when a built-in adapter is asked to run in a sandbox
     */
    public void check(AdapterRegistry.Entry entry) {
        if (level == Isolation.Level.CHILD_SANDBOX && entry.jar() == null) {
            throw new IllegalArgumentException("--sandbox runs adapters from --adapter-jar; " + entry.descriptor().name()
                    + " is built in");
        }
    }

    /** Where jar adapters run, in words: "in process", "in a child JVM (heap 512m)". */
    public String describe() {
        return switch (level) {
            case IN_PROCESS -> "in process";
            case CHILD -> "in a child JVM (heap " + heap + ")";
            case CHILD_SANDBOX -> "in a sandboxed child JVM (heap " + heap + ")";
        };
    }
}

package org.glamibench.harness;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.isolation.ChildSettings;
import org.glamibench.isolation.IsolatedAdapters;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.registry.Isolation;

/**
 * How adapters from jars run: in a sandboxed child JVM where the sandbox can run (the default),
 * always sandboxed, in a child JVM without sandbox, or in the harness's own JVM. Built-in adapters
 * always run in process. The level a run gets is resolved when it starts ({@link #level}), on
 * each machine that opens the adapter. Serializable, to reach Spark executors.
 *
 * @param mode               where jar adapters are asked to run
 * @param heap               a child JVM's heap limit, as for {@code -Xmx} (e.g. {@code 512m})
 * @param openTimeoutSeconds how long starting a child and opening the adapter (or closing it) may take
 */
public record IsolationSettings(Mode mode, String heap, int openTimeoutSeconds) implements Serializable {
    /**
     * A sandboxed child JVM where the sandbox can run, else a child JVM with a warning; a 512 MiB
     * heap and ten minutes to open: the command line's default.
     */
    public static final IsolationSettings DEFAULT = new IsolationSettings(Mode.SANDBOX_WHERE_POSSIBLE, "512m", 600);
    /** Jar adapters in the harness's own JVM. */
    public static final IsolationSettings IN_PROCESS = new IsolationSettings(Mode.IN_PROCESS, "512m", 600);

    private static final String GET_BUBBLEWRAP = "install bubblewrap (Debian, Ubuntu: apt-get install bubblewrap) "
            + "and allow it user namespaces";

    /** Where jar adapters are asked to run. */
    public enum Mode {
        /** In the harness's JVM. */
        IN_PROCESS,
        /** In a child JVM without sandbox. */
        CHILD,
        /** In a sandboxed child JVM where the sandbox can run here, else in a child JVM (with a warning). */
        SANDBOX_WHERE_POSSIBLE,
        /** In a sandboxed child JVM, or not at all: a sandbox that cannot run is an error. */
        SANDBOX
    }

    /** Checks that nothing is null; the heap and timeout are checked when a child JVM is configured. */
    public IsolationSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(heap, "heap");
    }

    /**
     * The built-ins plus the jars' adapters, to run at the {@link #level} these settings resolve
     * to; when a sandbox asked for where possible cannot run and there are jars, says so once
     * through {@code warnings}.
     *
     * @param jars                the adapter jars
     * @param device              the device the adapters are asked to use
     * @param batchTimeoutSeconds how long a batch may take in a child
     * @param retries             how often a batch the child failed on is retried in a fresh child
     * @param prepareThreads      the child's threads for the adapter's prepare
     * @param hidden              folders a sandbox must not show
     * @param stderr              receives the children's standard error lines
     * @param warnings            receives the warning line of a sandbox that cannot run here
     * @return the registry, to be closed by the caller
     * @throws IllegalArgumentException for settings that do not go together, a jar that cannot be
     *                                  used, or a sandbox insisted on that cannot run here
     */
    public AdapterRegistry registry(List<Path> jars, DeviceSpec device, int batchTimeoutSeconds, int retries,
                                    int prepareThreads, List<Path> hidden, Consumer<String> stderr,
                                    Consumer<String> warnings) {
        checkUsage(device);
        if (jars.isEmpty()) {
            return AdapterRegistry.load(List.of());
        }
        Isolation.Level level = level(device);
        if (level == Isolation.Level.IN_PROCESS) {
            return AdapterRegistry.load(jars);
        }
        fallbackWarning(device).ifPresent(warnings);
        ChildSettings settings = new ChildSettings(heap, batchTimeoutSeconds, openTimeoutSeconds,
                level == Isolation.Level.CHILD_SANDBOX, prepareThreads, retries, hidden, stderr);
        AdapterRegistry registry = AdapterRegistry.load(List.of());
        IsolatedAdapters.addJars(registry, jars, settings);
        return registry;
    }

    /**
     * Checks that a sandbox insisted on can run here, on that device.
     *
     * @throws IllegalArgumentException when it cannot
     */
    public void checkUsage(DeviceSpec device) {
        if (mode != Mode.SANDBOX) {
            return;
        }
        if (device.gpu()) {
            throw new IllegalArgumentException("--sandbox runs adapters on the CPU only: it shows no GPU device");
        }
        IsolatedAdapters.sandboxProblem().ifPresent(problem -> {
            throw new IllegalArgumentException("--sandbox: " + problem + "; " + GET_BUBBLEWRAP);
        });
    }

    /**
     * The level jar adapters run at here, on that device: a sandbox asked for where possible
     * becomes a plain child JVM when the sandbox cannot run (bubblewrap missing or unable to start,
     * or a GPU device, which the sandbox does not show).
     *
     * @throws IllegalArgumentException when a sandbox insisted on cannot run here
     */
    public Isolation.Level level(DeviceSpec device) {
        return switch (mode) {
            case IN_PROCESS -> Isolation.Level.IN_PROCESS;
            case CHILD -> Isolation.Level.CHILD;
            case SANDBOX -> {
                checkUsage(device);
                yield Isolation.Level.CHILD_SANDBOX;
            }
            case SANDBOX_WHERE_POSSIBLE -> fallbackWarning(device).isPresent()
                    ? Isolation.Level.CHILD : Isolation.Level.CHILD_SANDBOX;
        };
    }

    /**
     * The warning line for a sandbox asked for where possible that cannot run here, on that device:
     * why, and how to get it; empty when no sandbox was asked for where possible or when it can run.
     */
    public Optional<String> fallbackWarning(DeviceSpec device) {
        if (mode != Mode.SANDBOX_WHERE_POSSIBLE) {
            return Optional.empty();
        }
        String consequence = ": they can read the dataset and use the network; ";
        String optOut = " to sandbox them, or pass --no-sandbox to accept this";
        if (device.gpu()) {
            return Optional.of("warning: jar adapters run in a child JVM without the sandbox, which shows no GPU device"
                    + consequence + "run them on the CPU" + optOut);
        }
        return IsolatedAdapters.sandboxProblem().map(problem -> "warning: jar adapters run in a child JVM without the "
                + "sandbox (" + problem + ")" + consequence + GET_BUBBLEWRAP + optOut);
    }

    /**
     * Checks that the chosen adapter can run as asked.
     *
     * @throws IllegalArgumentException when a built-in adapter is asked to run in a sandbox
     */
    public void check(AdapterRegistry.Entry entry) {
        if (mode == Mode.SANDBOX && entry.jar() == null) {
            throw new IllegalArgumentException("--sandbox runs adapters from --adapter-jar; " + entry.descriptor().name()
                    + " is built in");
        }
    }

    /** Where jar adapters run at that level, in words: "in process", "in a child JVM (heap 512m)". */
    public String describe(Isolation.Level level) {
        return switch (level) {
            case IN_PROCESS -> "in process";
            case CHILD -> "in a child JVM (heap " + heap + ")";
            case CHILD_SANDBOX -> "in a sandboxed child JVM (heap " + heap + ")";
        };
    }

}

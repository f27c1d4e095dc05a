package org.glamibench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.glamibench.registry.AdapterRegistry;
import org.glamibench.adapter.DeviceSpec;
import org.glamibench.registry.Isolation;
import org.glamibench.isolation.ChildSettings;
import org.glamibench.isolation.IsolatedAdapters;
import picocli.CommandLine.Option;

/** How adapters from jars run: in a child JVM (the default), sandboxed, or in process (a picocli mixin). */
final class IsolationOptions {
    @Option(names = "--in-process",
            description = "Run jar adapters in this JVM instead of a child JVM: quicker to start and easier to debug, "
                    + "but a crash, System.exit, hang or out-of-memory of the adapter then ends the whole run.")
    private boolean inProcess;

    @Option(names = "--sandbox",
            description = "Run the adapter's child JVM inside bubblewrap (bwrap): no network, no dataset folder (only "
                    + "the train CSV), a fresh /tmp; the JDK, the harness, the jar and the --cache folder only.")
    private boolean sandbox;

    @Option(names = "--adapter-heap", paramLabel = "SIZE", defaultValue = "512m",
            description = "The adapter's child JVM heap limit, as for -Xmx (default: ${DEFAULT-VALUE}).")
    private String heap;

    @Option(names = "--open-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long starting the adapter's child JVM and opening the adapter (or closing it) may take "
                    + "(default: ${DEFAULT-VALUE}).")
    private int openTimeout;

    /**
     * The built-ins plus the jars' adapters, to run as these options say.
     *
     * @param batchTimeoutSeconds how long a batch may take in a child
     * @param retries             how often a batch the child failed on is retried in a fresh child
     * @param prepareThreads      the child's threads for the adapter's prepare
     * @param hidden              folders a sandbox must not show
     * @param stderr              receives the children's standard error lines
     * @throws IllegalArgumentException for contradicting options, a jar that cannot be used, or a
     *                                  sandbox that cannot run here
     */
    AdapterRegistry registry(List<Path> jars, DeviceSpec device, int batchTimeoutSeconds, int retries,
                             int prepareThreads, List<Path> hidden, Consumer<String> stderr) {
        checkUsage(device);
        if (inProcess) {
            return AdapterRegistry.load(jars);
        }
        ChildSettings settings = new ChildSettings(heap, batchTimeoutSeconds, openTimeout, sandbox, prepareThreads,
                retries, hidden, stderr);
        AdapterRegistry registry = AdapterRegistry.load(List.of());
        IsolatedAdapters.addJars(registry, jars, settings);
        return registry;
    }

    /**
     * Checks that the options go together and that a sandbox asked for can run here.
     *
     * @throws IllegalArgumentException when they do not or it cannot
     */
    void checkUsage(DeviceSpec device) {
        if (inProcess && sandbox) {
            throw new IllegalArgumentException("--in-process and --sandbox exclude each other");
        }
        if (sandbox && device.gpu()) {
            throw new IllegalArgumentException("--sandbox runs adapters on the CPU only: it shows no GPU device");
        }
        if (sandbox) {
            IsolatedAdapters.sandboxProblem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
    }

    /** Where jar adapters run with these options. */
    Isolation.Level level() {
        return inProcess ? Isolation.Level.IN_PROCESS : sandbox ? Isolation.Level.CHILD_SANDBOX : Isolation.Level.CHILD;
    }

    /** How jar adapters run with these options, in words: "in process", "in a child JVM (heap 512m)". */
    String describe() {
        return inProcess ? "in process" : (sandbox ? "in a sandboxed child JVM" : "in a child JVM") + " (heap " + heap + ")";
    }

    /**
     * Checks that the chosen adapter can run as asked.
     *
     * @throws IllegalArgumentException when a built-in adapter is asked to run in a sandbox
     */
    void check(AdapterRegistry.Entry entry) {
        if (sandbox && entry.jar() == null) {
            throw new IllegalArgumentException("--sandbox runs adapters from --adapter-jar; " + entry.descriptor().name()
                    + " is built in");
        }
    }
}

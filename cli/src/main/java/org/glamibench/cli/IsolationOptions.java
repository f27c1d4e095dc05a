package org.glamibench.cli;

import org.glamibench.harness.IsolationSettings;
import org.glamibench.registry.Isolation;
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
     * The isolation these options ask for.
     *
     * @throws IllegalArgumentException when {@code --in-process} and {@code --sandbox} are both given
     */
    IsolationSettings settings() {
        if (inProcess && sandbox) {
            throw new IllegalArgumentException("--in-process and --sandbox exclude each other");
        }
        Isolation.Level level = inProcess ? Isolation.Level.IN_PROCESS
                : sandbox ? Isolation.Level.CHILD_SANDBOX : Isolation.Level.CHILD;
        return new IsolationSettings(level, heap, openTimeout);
    }
}

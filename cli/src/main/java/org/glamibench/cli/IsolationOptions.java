package org.glamibench.cli;

import org.glamibench.harness.IsolationSettings;
import org.glamibench.harness.IsolationSettings.Mode;
import picocli.CommandLine.Option;

/**
 * How adapters from jars run: in a sandboxed child JVM where bubblewrap runs (the default), in a
 * child JVM without sandbox, insisting on the sandbox, or in process (a picocli mixin).
 */
final class IsolationOptions {
    @Option(names = "--in-process",
            description = "Run jar adapters in this JVM instead of a child JVM: quicker to start and easier to debug, "
                    + "but a crash, System.exit, hang or out-of-memory of the adapter then ends the whole run, and "
                    + "nothing stops it from reading the dataset or using the network.")
    private boolean inProcess;

    @Option(names = "--sandbox",
            description = "Insist on the sandbox that jar adapters get by default where bubblewrap (bwrap) runs: no "
                    + "network, no dataset folder (only the train CSV), a fresh /tmp; the JDK, the harness, the jar and "
                    + "the --cache folder only. Without it, jar adapters run in a child JVM without sandbox, with a "
                    + "warning, where bubblewrap cannot run or the device is a GPU; with it, that is an error.")
    private boolean sandbox;

    @Option(names = "--no-sandbox",
            description = "Run jar adapters in a child JVM without the sandbox: they can then read the dataset and use "
                    + "the network.")
    private boolean noSandbox;

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
     * @throws IllegalArgumentException when two of {@code --in-process}, {@code --sandbox} and
     *                                  {@code --no-sandbox} are given
     */
    IsolationSettings settings() {
        if (inProcess && sandbox) {
            throw new IllegalArgumentException("--in-process and --sandbox exclude each other");
        }
        if (noSandbox && (inProcess || sandbox)) {
            throw new IllegalArgumentException("--no-sandbox and " + (sandbox ? "--sandbox" : "--in-process")
                    + " exclude each other");
        }
        Mode mode = inProcess ? Mode.IN_PROCESS : sandbox ? Mode.SANDBOX : noSandbox ? Mode.CHILD
                : Mode.SANDBOX_WHERE_POSSIBLE;
        return new IsolationSettings(mode, heap, openTimeout);
    }
}

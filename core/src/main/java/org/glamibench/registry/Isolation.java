package org.glamibench.registry;

import java.util.Objects;

/**
 * How an adapter runs, as stamped on its runs: in the harness's own JVM, or in a child JVM of its
 * own that the harness can end (optionally inside a sandbox without network and without the
 * dataset folder).
 *
 * @param level               where the adapter's code runs
 * @param heap                the child JVM's maximum heap ({@code -Xmx}, e.g. {@code 512m}); null
 *                            in process
 * @param batchTimeoutSeconds how long one batch may take before the child is ended; null in
 *                            process
 */
public record Isolation(Level level, String heap, Integer batchTimeoutSeconds) {

    /** In the harness's JVM: the built-ins, and jar adapters run with {@code --in-process}. */
    public static final Isolation IN_PROCESS = new Isolation(Level.IN_PROCESS, null, null);

    /** @throws IllegalArgumentException when a child lacks its heap or timeout, or in process has one */
    public Isolation {
        Objects.requireNonNull(level, "level");
        boolean child = level != Level.IN_PROCESS;
        if (child != (heap != null) || child != (batchTimeoutSeconds != null)) {
            throw new IllegalArgumentException("a child JVM has a heap and a batch timeout, the harness's own JVM neither");
        }
    }

    /** Where an adapter's code runs. */
    public enum Level {
        /** In the harness's JVM. */
        IN_PROCESS("in-process"),
        /** In a child JVM fed over a pipe. */
        CHILD("child"),
        /** In a child JVM inside a bubblewrap sandbox: no network, no dataset folder. */
        CHILD_SANDBOX("child+sandbox");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        /** As written in run.json: {@code in-process}, {@code child} or {@code child+sandbox}. */
        public String label() {
            return label;
        }
    }
}

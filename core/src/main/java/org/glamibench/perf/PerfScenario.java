package org.glamibench.perf;

import java.util.Locale;

/** The load pattern of a performance run, in the spirit of MLPerf Inference. */
public enum PerfScenario {
    /** One item at a time, the next sent when the previous answers: per-item latency. */
    SINGLE_STREAM,
    /** Batches as fast as the model takes them: throughput. */
    OFFLINE;

    /** The command-line name: {@code single-stream} or {@code offline}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The scenario of a command-line name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static PerfScenario of(String label) {
        for (PerfScenario scenario : values()) {
            if (scenario.label().equals(label)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenario must be single-stream or offline, got '" + label + "'");
    }
}

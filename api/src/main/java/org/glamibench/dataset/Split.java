package org.glamibench.dataset;

import java.util.Locale;

/** The two published splits of GLAMI-1M. */
public enum Split {
    /** The train split, {@code GLAMI-1M-train.csv}: what models learn from. */
    TRAIN,
    /** The test split, {@code GLAMI-1M-test.csv}: what the harness evaluates on. */
    TEST;

    /** {@return the split's CSV file name, e.g. {@code GLAMI-1M-test.csv}} */
    public String csvFileName() {
        return "GLAMI-1M-" + label() + ".csv";
    }

    /**
     * {@return the lower-case name used on the command line and in results: {@code train} or
     * {@code test}}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

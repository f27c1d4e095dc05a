package org.glamibench.dataset;

import java.util.Locale;

/** The two published splits of GLAMI-1M. */
public enum Split {
    TRAIN, TEST;

    /** The split's CSV file name, e.g. {@code GLAMI-1M-test.csv}. */
    public String csvFileName() {
        return "GLAMI-1M-" + label() + ".csv";
    }

    /** Lower-case name as used on the command line and in results: {@code train} or {@code test}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.glamibench.cli;

import java.util.Locale;
import org.glamibench.dataset.Split;

/** Checks of option values shared by commands; each throws IllegalArgumentException (exit 2). */
final class Options {
    private Options() {
    }

    /** The split named {@code test} or {@code train}. */
    static Split split(String name) {
        for (Split split : Split.values()) {
            if (split.label().equals(name.toLowerCase(Locale.ROOT))) {
                return split;
            }
        }
        throw new IllegalArgumentException("--split must be test or train, got '" + name + "'");
    }

    /** The value, when at least 1. */
    static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
        return value;
    }
}

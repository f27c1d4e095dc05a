package org.glamibench.eval;

import java.util.Locale;

/** The outcome of one item in a run, as written in the {@code status} column. */
public enum ItemStatus {
    /** Scored by the model. */
    OK,
    /** The item's input (its image) could not be read: missing, unreadable or truncated. */
    INPUT_ERROR,
    /** The adapter failed on the item, or broke its output contract. */
    ADAPTER_ERROR;

    /** The column value: {@code ok}, {@code input_error} or {@code adapter_error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.glamibench.metrics;

import java.util.Locale;

/** What became of one test item when the model was run on it. */
public enum ItemStatus {
    /** The model produced scores for the item. */
    OK,
    /** The item's input could not be read or prepared (e.g. an unreadable image). */
    INPUT_ERROR,
    /** The model adapter failed on the item or returned unusable scores. */
    ADAPTER_ERROR;

    /** Lower-case name as used in results: {@code ok}, {@code input_error}, {@code adapter_error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

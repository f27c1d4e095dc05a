package org.glamibench.store;

import java.util.Locale;
import java.util.Optional;

/** What became of one test item when the model was run on it: the {@code status} column of a run's predictions. */
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

    /**
     * The status with the given label; matching is exact.
     *
     * @return empty when the text is not one of the three labels
     */
    public static Optional<ItemStatus> fromLabel(String label) {
        for (ItemStatus status : values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}

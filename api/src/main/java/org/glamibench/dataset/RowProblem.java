package org.glamibench.dataset;

/**
 * A row of a split CSV that could not be used, with where and why.
 *
 * @param file   the CSV file name
 * @param line   the physical line (1-based) where the row starts; the header is line 1
 * @param reason what is wrong, naming the field when one field is at fault
 */
public record RowProblem(String file, long line, String reason) {

    /** {@return {@code file:line: reason}, the form used in every error message} */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}

package org.glamibench.adapter.exported;

/**
 * A forward pass of an exported model that failed, or whose output is not one row of scores per
 * item. {@link #field()} says which part of the spec it concerns: {@code inputs} when the engine
 * refused the inputs, {@code output.name} or {@code output} when the output was not found or has the
 * wrong shape or type.
 */
public class ExportedModelException extends RuntimeException {
    private final String field;

    public ExportedModelException(String field, String message) {
        this(field, message, null);
    }

    public ExportedModelException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The spec field concerned. */
    public String field() {
        return field;
    }
}

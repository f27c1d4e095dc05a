package org.glamibench.adapter.exported;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A model spec (or baseline registry) that cannot be used: the message names the file, the field
 * ({@code image.mean}, {@code inputs[1].shape}, {@code output.categories[3]}; empty for the file as a
 * whole) and what is wrong with it.
 */
public class SpecException extends IllegalArgumentException {
    private final transient Path file;
    private final String field;

    /**
     * @param file    the spec file
     * @param field   the field, as a path from the top ({@code inputs[0].name}); empty for the whole file
     * @param problem what is wrong
     */
    public SpecException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public SpecException(Path file, String field, String problem, Throwable cause) {
        super(file + ": " + (field.isEmpty() ? "" : field + ": ") + problem, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.field = field;
    }

    /** The spec file. */
    public Path file() {
        return file;
    }

    /** The field at fault; empty for the file as a whole. */
    public String field() {
        return field;
    }
}

package org.glamibench.models.folder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The built-in models, by the name used on the command line and in {@code model.json}. */
public enum ModelKind {
    /** The small CNN on the photo. */
    IMAGE,
    /** The bag of hashed words and character n-grams on the name and description. */
    TEXT,
    /** EmbraceNet over the image and text models' features. */
    EMBRACENET;

    /** The lower-case name: {@code image}, {@code text} or {@code embracenet}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where {@code glami-bench train} puts this model by default and the adapters look for it:
     * {@code target/models/<name>}, relative to the working folder.
     */
    public Path defaultFolder() {
        return Path.of("target", "models", label());
    }

    /**
     * The kind of that name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static ModelKind of(String label) {
        for (ModelKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + label + "'; known: "
                + Arrays.stream(values()).map(ModelKind::label).collect(Collectors.joining(", ")));
    }
}

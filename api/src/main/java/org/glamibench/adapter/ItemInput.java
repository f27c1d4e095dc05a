package org.glamibench.adapter;

import java.util.Objects;
import org.glamibench.dataset.Geo;
import org.glamibench.image.RgbImage;

/**
 * Everything an adapter may see of one item: never its category, never its item id (answers
 * cannot be looked up). The image is decoded only for adapters whose modality reads images.
 *
 * @param image       the decoded photo; null for TEXT adapters
 * @param name        the product name
 * @param description the description, {@code ""} when empty
 * @param geo         the language
 * @param labelSource the {@code label_source} value, {@code ""} when empty (the published
 *                    EmbraceNet reads it as a third input)
 */
public record ItemInput(RgbImage image, String name, String description, Geo geo, String labelSource) {

    /**
     * Checks that the text components are present.
     *
     * @param image       the decoded photo; may be null
     * @param name        the product name
     * @param description the description, {@code ""} when empty
     * @param geo         the language
     * @param labelSource the {@code label_source} value, {@code ""} when empty
     * @throws NullPointerException when any component but {@code image} is null
     */
    public ItemInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(labelSource, "labelSource");
    }

    /** {@return the published text baseline's text: name, a space, description} */
    public String text() {
        return name + " " + description;
    }
}

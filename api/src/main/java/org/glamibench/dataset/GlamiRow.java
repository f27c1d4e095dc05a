package org.glamibench.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One product of GLAMI-1M, exactly as its CSV row reads. Empty {@code description} and
 * {@code label_source} cells are read as {@code ""}, never null.
 *
 * @param itemId       the {@code item_id} column, unique within the dataset
 * @param imageId      the {@code image_id} column; the photo is {@code images/<image_id>.jpg}
 * @param geo          the {@code geo} column (the language)
 * @param name         the {@code name} column
 * @param description  the {@code description} column, often empty
 * @param category     the {@code category} column: a non-contiguous category id
 * @param categoryName the {@code category_name} column, a slug such as {@code womens-sport-jackets}
 * @param labelSource  the {@code label_source} column, e.g. {@code admin}; may be empty
 */
public record GlamiRow(long itemId, long imageId, Geo geo, String name, String description,
                       int category, String categoryName, String labelSource) {

    /** The CSV columns the harness reads, in the paper's Table 1 order. */
    public static final List<String> COLUMNS = List.of("item_id", "image_id", "geo", "name",
            "description", "category", "category_name", "label_source");

    /**
     * Checks that the text components are present.
     *
     * @param itemId       the {@code item_id} column
     * @param imageId      the {@code image_id} column
     * @param geo          the {@code geo} column
     * @param name         the {@code name} column
     * @param description  the {@code description} column, {@code ""} when empty
     * @param category     the {@code category} column
     * @param categoryName the {@code category_name} column
     * @param labelSource  the {@code label_source} column, {@code ""} when empty
     * @throws NullPointerException when {@code geo}, {@code name}, {@code description},
     *                              {@code categoryName} or {@code labelSource} is null
     */
    public GlamiRow {
        Objects.requireNonNull(geo, "geo");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categoryName, "categoryName");
        Objects.requireNonNull(labelSource, "labelSource");
    }

    /** {@return the text the published text baseline reads: name, a space, description} */
    public String text() {
        return name + " " + description;
    }
}
